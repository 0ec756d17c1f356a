/**
 * The Split bars tab: a thin View + ViewModel over {@code view.splitbars}: per cardinal group one bar per
 * split, with whiskers or stacked, and a small multiple of every block.
 *
 * <p>May import: {@code app.session}, {@code app.figure}, {@code view}, {@code view.splitbars},
 * {@code view.image}, {@code analysis}, {@code capture}, {@code figure} and {@code render}. Never another
 * tab's package.
 */
package org.splitscope.app.splitbars;
