/**
 * The Interventions view's runner: the same image captured as it is and with its attention forced, and the
 * result (both captures, both top-5s, every class's change). The forcing itself is a value in
 * {@code capture}.
 *
 * <p>May import: {@code capture}, {@code engine} and {@code input}; no other view. Never {@code app} or
 * {@code cli}.
 */
package org.splitscope.view.interventions;
