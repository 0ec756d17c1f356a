/**
 * The program's entry and what every layer shares: {@link org.splitscope.Launcher} (no arguments open the
 * window, any others run the command line), {@link org.splitscope.SplitScopeException} (a one-line problem
 * the user can act on) and {@link org.splitscope.Version}.
 *
 * <p>May import: {@code app} and {@code cli} (the launcher starts one of them), {@code runtime},
 * {@code logs} and {@code io}. Every package may import this one.
 */
package org.splitscope;
