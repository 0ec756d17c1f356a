/**
 * The Walkthrough tab: a thin View + ViewModel over {@code view.walkthrough}: the selected block stage by
 * stage, one channel followed through it, with its internals from a forward of their own.
 *
 * <p>May import: {@code app.session}, {@code app.figure}, {@code app}, {@code view},
 * {@code view.walkthrough}, {@code view.image}, {@code capture}, {@code figure}, {@code render} and
 * {@code io}. Never another tab's package.
 */
package org.splitscope.app.walkthrough;
