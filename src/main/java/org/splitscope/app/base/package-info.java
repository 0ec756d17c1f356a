/**
 * What every part of the window shares and nothing of it knows: the remembered settings, the start
 * switches ({@code splitscope.*} properties), the one serial executor that keeps model work off the FX
 * thread (a direct one in tests), and the status of its task. Its own package so that the window's
 * root ({@link org.splitscope.app.SplitScopeApp}) can import the tabs without a cycle.
 *
 * <p>May import: nothing of SplitScope (the JDK and JavaFX only).
 */
package org.splitscope.app.base;
