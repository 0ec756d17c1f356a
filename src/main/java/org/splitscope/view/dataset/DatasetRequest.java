package org.splitscope.view.dataset;

import org.splitscope.figure.FileFigure;
import java.util.ArrayList;
import java.util.List;
import org.splitscope.figure.Drawing;
import org.splitscope.figure.FigureStyle;
import org.splitscope.figure.Provenance;
import org.splitscope.figure.ViewData;
import org.splitscope.io.Printable;
import org.splitscope.render.Colormap;

/**
 * The dataset figure of a saved run, as the window's Dataset view and {@code figure --view dataset}
 * both ask for it: by block and group names, checked against the run.
 *
 * @param block null for the last block
 * @param groups group names; empty for the first {@value #DEFAULT_GROUPS} non-empty groups
 */
public record DatasetRequest(String block, DatasetFigure.Metric metric, int split, List<String> groups,
        Colormap colormap) {
    public static final int DEFAULT_GROUPS = 6;
    /** Groups compared side by side in one figure at most: more do not fit a page. */
    public static final int MAX_GROUPS = 24;

    public DatasetRequest {
        groups = List.copyOf(groups);
    }

    /** The figure's options for this run; throws with a one-line reason for an unknown block or group. */
    public DatasetFigure.Options options(DatasetStats s) {
        List<String> names = s.blocks().stream().map(DatasetStats.Block::name).toList();
        String name = block == null ? names.get(names.size() - 1) : block;
        if (!names.contains(name)) {
            throw new IllegalArgumentException("no block '" + Printable.clean(name) + "' in these statistics ("
                    + names.get(0) + " … " + names.get(names.size() - 1) + ")");
        }
        int radix = s.blocks().get(0).radix();
        if (split < 0 || split >= radix) {
            org.splitscope.model.AttentionWords w = s.blocks().get(0).words();
            throw new IllegalArgumentException(w.sk() ? "path " + split + ": the blocks have " + radix + " paths (m = 0 … "
                    + (radix - 1) + ")" : radix == 1 ? "split " + split + ": the blocks have one gate (0)"
                    : "split " + split + ": the blocks have " + radix + " splits (r = 0 … " + (radix - 1) + ")");
        }
        if (groups.size() > MAX_GROUPS) {
            throw new IllegalArgumentException(groups.size() + " groups to compare; at most " + MAX_GROUPS + " fit a figure");
        }
        List<Integer> chosen = groupIndices(s, groups);
        return new DatasetFigure.Options(colormap, names.indexOf(name), metric, split,
                chosen.isEmpty() ? DatasetFigure.firstGroups(s, DEFAULT_GROUPS) : chosen);
    }

    /** The named groups as indices, each named once, present and with images; throws with a one-line reason. */
    static List<Integer> groupIndices(DatasetStats s, List<String> groups) {
        if (new java.util.HashSet<>(groups).size() != groups.size()) {
            throw new IllegalArgumentException("a group is named twice in --groups");
        }
        List<Integer> chosen = new ArrayList<>();
        for (String g : groups) {
            int i = s.groups().indexOf(g);
            if (i < 0) {
                throw new IllegalArgumentException("no group '" + Printable.clean(g) + "' in these statistics");
            }
            if (s.count(i) == 0) {
                throw new IllegalArgumentException("group '" + Printable.clean(g) + "' has no images");
            }
            chosen.add(i);
        }
        return chosen;
    }

    public Drawing draw(AnalysisRun run, double width, FigureStyle style) {
        return DatasetFigure.draw(run.stats(), options(run.stats()), width, style);
    }

    /** @param source what the statistics are called in the caption, e.g. the output folder's name */
    public Provenance provenance(AnalysisRun run, String source) {
        DatasetFigure.Options o = options(run.stats());
        return new Provenance("dataset", run.modelName(), run.modelSha256(), source + " (" + run.stats().total()
                + " images)", null, run.stats().blocks().get(o.block()).name(), o.groups().size() + " of "
                + run.stats().nonEmpty().size() + " groups", run.stats().blocks().get(0).words().mechanism()
                == org.splitscope.model.Mechanism.SPLAT ? "r = " + split : run.stats().blocks().get(0).words().unit(split),
                colormap.displayName(), null);
    }

    /** The numbers the figure shows: shares ± std at the block, the map, the channel profiles. */
    public ViewData data(AnalysisRun run) {
        DatasetStats s = run.stats();
        DatasetFigure.Options o = options(s);
        List<List<Object>> rows = new ArrayList<>();
        for (GroupShares.Row row : GroupShares.of(s, o.block(), o.groups()).rows()) {
            for (int r = 0; r < row.mean().length; r++) {
                rows.add(List.of("shares", s.blocks().get(o.block()).name(), row.name(), r, "", row.mean()[r],
                        row.std()[r]));
            }
        }
        for (int g : DatasetFigure.firstGroups(s, Integer.MAX_VALUE)) {
            for (int j = 0; j < s.blocks().size(); j++) {
                // what the map cell shows: the metric, or a sigmoid gate's mean (as the figure's colour bar says)
                rows.add(List.of(s.blocks().get(j).radix() == 1 ? "gate" : metric.id, s.blocks().get(j).name(),
                        s.groups().get(g), "", "", DatasetFigure.cell(s, metric, g, j), ""));
            }
        }
        ChannelProfiles profiles = ChannelProfiles.of(s, split, o.groups());
        for (ChannelProfiles.Profile p : profiles.stages()) {
            for (int i = 0; i < p.order().length; i++) {
                rows.add(List.of("profile", p.block(), "all images", split, p.order()[i], p.all()[i], ""));
                for (int l = 0; l < p.lines().size(); l++) {
                    rows.add(List.of("profile", p.block(), profiles.names().get(l), split, p.order()[i],
                            p.lines().get(l)[i], ""));
                }
            }
        }
        // the row column is named as the blocks' rows are: split, path (SK) or gate (SE, ECA)
        return new ViewData(List.of("panel", "block", "group", s.blocks().get(0).words().unit(), "channel", "value",
                "std"), rows);
    }

    /** The statistics of {@code run} (saved in folder {@code source}) for a file: window and {@code figure} alike. */
    public FileFigure file(AnalysisRun run, String source) {
        return FileFigure.of(() -> provenance(run, source), (width, style) -> draw(run, width, style), () -> data(run));
    }
}
