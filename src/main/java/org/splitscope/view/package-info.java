/**
 * The views' contract: {@link org.splitscope.view.Views}, the one list of views (ids, tab titles, what
 * {@code figure --view} needs, the block they open on), and {@link org.splitscope.view.Origin}, where
 * a figure comes from. Each view lives in {@code org.splitscope.view.<name>}: its data record and
 * builder, its painter, its runner if it has one and its {@code file(…)}, which the window's export
 * and the {@code figure} command both write through {@code FigureFiles}. A view package may import
 * this one, {@code figure} (the drawing kit), {@code analysis} and the layers below, and another
 * view whose pieces it reuses; never {@code app} or {@code cli}. Nothing here imports a view.
 */
package org.splitscope.view;
