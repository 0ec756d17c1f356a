/**
 * The GAP view: per cardinal group the distribution of s^k (what fc1 sees), its summary and largest
 * channels, and the histogram figure.
 *
 * <p>May import: {@code figure}, {@code analysis}, {@code capture}, {@code model} and {@code render}; no
 * other view. Never {@code app} or {@code cli}.
 */
package org.splitscope.view.gap;
