/**
 * The explorer window, the top layer: {@link org.splitscope.app.SplitScopeApp} and its start-up timing;
 * what all its parts share (settings, start switches, the executor) is in {@code app.base}. Each tab
 * lives in {@code app.<view>} as a thin View + ViewModel over {@code org.splitscope.view.<name>}.
 *
 * <p>May import: every layer; only the launcher ({@code org.splitscope}) imports it.
 */
package org.splitscope.app;
