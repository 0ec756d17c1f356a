package org.splitscope.app.dataset;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.splitscope.SplitScopeException;
import org.splitscope.app.base.LatestRequest;
import org.splitscope.app.base.TaskExecutor;
import org.splitscope.figure.FileFigure;
import org.splitscope.view.dataset.AnalysisRun;
import org.splitscope.view.dataset.PaperFigures;
import org.splitscope.view.dataset.ScaleRuns;

/**
 * A paper's figure in the Dataset tab (SENet §7.2's gate profile, SKNet's scale shift): computed on
 * the worker by {@link PaperFigures}, exactly as {@code figure --view dataset --profile} computes it,
 * and drawn and exported through the same {@link FileFigure}. An sknet figure reads every scale's run
 * from disk, so it is computed once per choice, never while painting.
 */
final class DatasetProfile {
    /** The figure, or why there is none (one line). */
    record State(FileFigure figure, String problem) {}

    /** What a figure is computed from; a new one starts a new computation. */
    record Key(PaperFigures.Profile profile, Path folder, AnalysisRun run, ScaleRuns.Loaded scales, List<String> groups) {}

    private final LatestRequest latest = new LatestRequest();
    private Key key;
    private State state;

    /**
     * The figure for {@code want}; null while it is being computed ({@code ready} runs on the FX
     * thread once it is there).
     */
    State get(TaskExecutor executor, Key want, Runnable ready) {
        if (Objects.equals(want, key)) {
            return state;
        }
        key = want;
        state = null;
        Object request = latest.begin();
        latest.submitted(request, executor.submit("Computing the " + want.profile().id + " profile",
                p -> compute(want), figure -> settle(request, want, new State(figure, null), ready),
                error -> settle(request, want, new State(null, oneLine(error)), ready)));
        return state; // already there when the executor ran the job inside submit (tests)
    }

    private void settle(Object request, Key want, State s, Runnable ready) {
        if (latest.finish(request) && want.equals(key)) {
            state = s;
            ready.run();
        }
    }

    /** Forgets the shown figure (another run was opened). */
    void clear() {
        latest.cancel();
        key = null;
        state = null;
    }

    /** The figure {@code figure --view dataset --stats DIR --profile P --groups G} writes, DIR as the CLI needs it. */
    static FileFigure compute(Key k) throws SplitScopeException {
        PaperFigures figure = new PaperFigures(k.profile(), PaperFigures.DEFAULT_CHANNELS, k.groups());
        PaperFigures.Source src;
        if (k.profile() == PaperFigures.Profile.SKNET) {
            if (k.scales() == null) {
                throw new IllegalArgumentException("The sknet profile compares object scales: " + k.folder().getFileName()
                        + " is a run at one scale; open an analyze --scales 1,1.5,2 output");
            }
            src = new PaperFigures.Source(k.folder(), k.scales().first(), k.scales());
        } else if (k.scales() != null) {
            // SENet's figure is drawn from one run: the first scale's, as --stats OUT/scale-1 gives it
            src = new PaperFigures.Source(k.folder().resolve(ScaleRuns.folder(k.scales().scales().get(0))),
                    k.scales().first(), null);
        } else {
            src = new PaperFigures.Source(k.folder(), k.run(), null);
        }
        if (k.profile() == PaperFigures.Profile.SENET_STD && k.groups().size() != 2) {
            throw new IllegalArgumentException("The senet-std profile compares two groups: choose two under Groups ("
                    + k.groups().size() + " chosen)");
        }
        return figure.file(src, figure.compute(src), src.dir().toAbsolutePath().getFileName().toString());
    }

    private static String oneLine(Throwable error) {
        String m = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        return org.splitscope.io.Printable.clean(m.lines().findFirst().orElse(m));
    }
}
