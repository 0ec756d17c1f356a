/**
 * The explorer window, the top layer: {@link org.splitscope.app.SplitScopeApp}, the task executors that
 * keep model work off the FX thread, the remembered settings and the start switches for tests. Each tab
 * lives in {@code app.<view>} as a thin View + ViewModel over {@code org.splitscope.view.<name>}.
 *
 * <p>May import: every layer; only the launcher ({@code org.splitscope}) imports it.
 */
package org.splitscope.app;
