package org.splitscope.view;

/**
 * One view as the window and the {@code figure} command name it: the id used in file names,
 * {@code figure --view} and {@code splitscope.view}; the tab title (null: no tab of its own, as
 * knockout, which the Intervene tab draws); and what {@code figure --help} says it needs (null: not
 * drawn by {@code figure}, as the Intervene tab). The view's data, painter and runner live in
 * {@code org.splitscope.view.<id>}.
 */
public record ViewSpec(String id, String title, String figureHelp) {

    /** Whether the window has a tab for it. */
    public boolean tab() {
        return title != null;
    }

    /** Whether {@code figure --view} draws it. */
    public boolean figure() {
        return figureHelp != null;
    }

    @Override
    public String toString() {
        return id;
    }
}
