/**
 * The Split bars view: per cardinal group one bar per split (mean attention with min, quartiles and max) or
 * stacked, the small multiple of every block, and its figure.
 *
 * <p>May import: {@code figure}, {@code analysis}, {@code capture}, {@code model} and {@code render}; no
 * other view. Never {@code app} or {@code cli}.
 */
package org.splitscope.view.splitbars;
