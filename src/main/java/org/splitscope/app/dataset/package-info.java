/**
 * The Dataset tab: a thin View + ViewModel over {@code view.dataset}: runs {@code analyze} over a labelled
 * folder in the background (stoppable, resumable) or reopens saved statistics; the hover readouts.
 *
 * <p>May import: {@code app.session}, {@code app.figure}, {@code app}, {@code view}, {@code view.dataset},
 * {@code view.image}, {@code batch}, {@code engine}, {@code figure} and {@code io}. Never another tab's
 * package.
 */
package org.splitscope.app.dataset;
