package org.splitscope.view.dataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.splitscope.SplitScopeException;
import org.splitscope.figure.Drawing;
import org.splitscope.figure.FileFigure;
import org.splitscope.figure.FigureStyle;
import org.splitscope.figure.Provenance;
import org.splitscope.figure.ViewData;
import org.splitscope.io.Printable;

/**
 * The papers' figures drawn from saved analyze runs, for {@code figure --view dataset --profile}:
 * SENet §7.2 ({@code senet}: the mean gate per class; {@code senet-std}: mean ± std for two classes)
 * from one run, SKNet's selection figure ({@code sknet}) from an {@code analyze --scales} output.
 * Each comes with its provenance and the numbers it shows.
 *
 * @param groups group names; empty for the default ({@value #SENET_GROUPS} for senet, two for
 *     senet-std, every non-empty group for sknet, as the papers)
 */
public record PaperFigures(Profile profile, int channels, List<String> groups) {
    /** SENet's Fig. 7 shows four classes; with "all images" that is five lines, readable at a column's width. */
    public static final int SENET_GROUPS = 4;
    public static final int DEFAULT_CHANNELS = 50;

    public enum Profile {
        SENET("senet"), SENET_STD("senet-std"), SKNET("sknet");

        public final String id;

        Profile(String id) {
            this.id = id;
        }

        public static Profile parse(String s) {
            for (Profile p : values()) {
                if (p.id.equals(s.toLowerCase(Locale.ROOT))) {
                    return p;
                }
            }
            throw new IllegalArgumentException("--profile: senet, senet-std or sknet, not '" + Printable.clean(s) + "'");
        }
    }

    public PaperFigures {
        groups = List.copyOf(groups);
        if (channels < 1 || channels > 65536) {
            throw new IllegalArgumentException("--channels must be 1 – 65536");
        }
    }

    /** What the figure is drawn from: one run (senet) or one run per scale (sknet). */
    public record Source(Path dir, AnalysisRun run, ScaleRuns.Loaded scales) {
        public DatasetStats stats() {
            return run.stats();
        }
    }

    public Source read(Path dir) throws SplitScopeException {
        if (profile == Profile.SKNET) {
            ScaleRuns.Loaded l = ScaleRuns.read(dir);
            return new Source(dir, l.first(), l);
        }
        if (ScaleRuns.holdsScales(dir)) {
            throw new SplitScopeException(dir + ": an analyze --scales output; --profile " + profile.id
                    + " draws one scale: --stats " + dir.resolve(ScaleRuns.folder(1)));
        }
        return new Source(dir, AnalysisRun.read(dir), null);
    }

    /** The chosen groups as indices, each present and with images; throws with a one-line reason. */
    List<Integer> chosen(DatasetStats s) {
        List<Integer> out = DatasetRequest.groupIndices(s, groups);
        if (profile == Profile.SENET_STD) {
            if (!out.isEmpty() && out.size() != 2) {
                throw new IllegalArgumentException("--profile senet-std compares two classes; --groups names " + out.size());
            }
            out = out.isEmpty() ? DatasetFigure.firstGroups(s, 2) : out;
            if (out.size() < 2) {
                throw new IllegalArgumentException("--profile senet-std compares two classes; the run has images of "
                        + out.size());
            }
            return out;
        }
        if (profile == Profile.SENET && out.size() > DatasetRequest.MAX_GROUPS) {
            throw new IllegalArgumentException(out.size() + " groups to compare; at most " + DatasetRequest.MAX_GROUPS
                    + " fit a figure");
        }
        return !out.isEmpty() ? out
                : DatasetFigure.firstGroups(s, profile == Profile.SKNET ? Integer.MAX_VALUE : SENET_GROUPS);
    }

    /** What one figure shows: the SENet profile or the SKNet shift (the other null). */
    public record Shown(SeProfile senet, SkScaleShift sknet) {}

    /**
     * The numbers of the figure, computed once (an sknet figure reads the run of every scale).
     *
     * @throws IllegalArgumentException for a request these statistics cannot answer (one line)
     */
    public Shown compute(Source src) throws SplitScopeException {
        if (profile != Profile.SKNET) {
            return new Shown(SeProfile.of(src.stats(), channels, chosen(src.stats())), null);
        }
        ScaleRuns.Loaded l = src.scales();
        if (l.skPaths().isEmpty()) {
            throw new IllegalArgumentException("the sknet profile needs SK paths (selective kernel, kernels of two "
                    + "sizes); this model's blocks are " + ScaleRuns.describe(l.mechanisms())
                    + (l.mechanisms().containsValue("splat") ? " (radix splits of one kernel, not kernels)" : ""));
        }
        List<Integer> chosen = chosen(src.stats());
        return new Shown(null, SkScaleShift.of(l.scales(), i -> l.run(i).stats(), l.skPaths(), chosen));
    }

    public Drawing draw(Shown shown, double width, FigureStyle style) {
        return shown.sknet() != null ? SkScaleShiftFigure.draw(shown.sknet(), width, style)
                : SeProfileFigure.draw(shown.senet(), profile == Profile.SENET_STD, width, style);
    }

    /** @param name what the statistics are called in the caption, e.g. the output folder's name */
    public Provenance provenance(Source src, Shown shown, String name) {
        DatasetStats s = src.stats();
        List<String> blocks;
        String groupWords;
        Map<String, String> extra;
        if (shown.sknet() != null) {
            SkScaleShift k = shown.sknet();
            blocks = k.panels().stream().map(SkScaleShift.Panel::block).toList();
            groupWords = k.groups().size() + " of " + s.nonEmpty().size() + " groups";
            extra = Map.of("Profile", profile.id, "Scales", SkScaleShift.words(k.scales()), "Paths",
                    k.panels().get(0).larger() + " minus " + k.panels().get(0).smaller());
        } else {
            SeProfile e = shown.senet();
            blocks = e.panels().stream().map(SeProfile.Panel::block).toList();
            groupWords = e.names().size() + " of " + s.nonEmpty().size() + " groups";
            extra = Map.of("Profile", profile.id, "Channels", e.channelWords());
        }
        String what = profile == Profile.SKNET ? "sknet profile at " + SkScaleShift.words(src.scales().scales())
                : profile.id + " profile, " + (profile == Profile.SENET_STD ? "mean ± std, " : "") + channels + " channels";
        return new Provenance("dataset", src.run().modelName(), src.run().modelSha256(), name + " (" + s.total()
                + " images) · " + what, null, String.join(", ", blocks), groupWords, null, null, null,
                new java.util.TreeMap<>(extra));
    }

    /**
     * The figure as a file holds it: what {@code figure --profile} writes and the Dataset tab shows and
     * exports, from numbers computed once by {@link #compute}.
     *
     * @param name what the statistics are called in the caption, e.g. the output folder's name
     */
    public FileFigure file(Source src, Shown shown, String name) {
        Provenance provenance = provenance(src, shown, name);
        ViewData numbers = data(shown);
        return FileFigure.of(() -> provenance, (width, style) -> draw(shown, width, style), () -> numbers);
    }

    /** The numbers the figure shows, one row per plotted value. */
    public ViewData data(Shown shown) {
        List<List<Object>> rows = new ArrayList<>();
        if (shown.sknet() != null) {
            SkScaleShift k = shown.sknet();
            for (SkScaleShift.Panel p : k.panels()) {
                for (int s = 0; s < k.scales().size(); s++) {
                    double scale = k.scales().get(s);
                    rows.add(List.of(p.block(), scale, "all images", p.larger(), p.smaller(), p.all()[s]));
                    for (int g = 0; g < k.groups().size(); g++) {
                        rows.add(List.of(p.block(), scale, k.groups().get(g), p.larger(), p.smaller(), p.byGroup()[s][g]));
                    }
                }
            }
            return new ViewData(List.of("block", "scale", "group", "larger_path", "smaller_path", "mean_difference"), rows);
        }
        SeProfile e = shown.senet();
        for (SeProfile.Panel p : e.panels()) {
            for (int i = 0; i < p.channels().length; i++) {
                if (profile == Profile.SENET) {
                    rows.add(List.of(p.block(), p.channels()[i], "all images", p.all()[i], ""));
                }
                for (int g = 0; g < e.names().size(); g++) {
                    rows.add(List.of(p.block(), p.channels()[i], e.names().get(g), p.means().get(g)[i],
                            p.stds().get(g)[i]));
                }
            }
        }
        return new ViewData(List.of("block", "channel", "group", "mean_gate", "std"), rows);
    }
}
