/**
 * The whole window put together: {@link org.splitscope.app.main.MainView} (toolbar, sidebar, the tabs in
 * the registry's order, each tab's View made the first time it is shown, status bar, presenter bar) over
 * {@link org.splitscope.app.main.MainViewModel}, which wires every tab's view model to the session.
 *
 * <p>May import: every other {@code app} package, {@code view}, {@code capture}, {@code input},
 * {@code render}, {@code bundled} and {@code runtime}.
 */
package org.splitscope.app.main;
