package org.splitscope.view.cam;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.splitscope.SplitScopeException;
import org.splitscope.capture.CaptureService;
import org.splitscope.engine.LoadedModel;
import org.splitscope.input.Sample;
import org.splitscope.model.CaptureSink;
import org.splitscope.model.ResNeSt;

/**
 * Class activation maps at any block: what the {@code cam} command and the window run.
 *
 * <p>Gradients are taken with respect to an intermediate activation A the only way DJL's PyTorch
 * engine allows: the network runs up to A outside any gradient collector, A is marked as needing
 * a gradient (it is a leaf then), the rest runs inside a collector, and the backward pass of
 * Y = Σ_n logit_n[c_n] — each image's chosen class, so one pass serves the whole batch — leaves
 * dY/dA on A. Everything a call creates lives in its own sub-manager, closed before it returns.
 */
public final class CamService {
    private CamService() {}

    /**
     * Checks a target name against the model before any work: {@code layer3.0} (a bottleneck's
     * output) or {@code layer3.0.conv2} (its split-attention output V).
     */
    public static ResNeSt.Cut target(LoadedModel model, String target) throws SplitScopeException {
        try {
            return model.network().cut(target);
        } catch (IllegalArgumentException e) {
            throw new SplitScopeException("--block: " + e.getMessage());
        }
    }

    /** One class choice for every image of the batch (with {@link ClassChoice#TOP}: each its own top class). */
    public static CamResult compute(LoadedModel model, NDArray input, String target, ClassChoice choice,
            CamMethod method) throws SplitScopeException {
        int n = Math.toIntExact(input.getShape().get(0));
        return compute(model, input, target, Collections.nCopies(n, choice), method);
    }

    /** Samples of one shape [C, H, W], as {@link CaptureService#batch} checks them. */
    public static CamResult compute(LoadedModel model, List<Sample> samples, String target, ClassChoice choice,
            CamMethod method) throws SplitScopeException {
        try (NDManager scope = model.manager().newSubManager()) {
            return compute(model, CaptureService.batch(model, samples, scope), target, choice, method);
        }
    }

    /**
     * @param input [N, C, H, W] on the model's device, owned by the caller (not changed or closed)
     * @param choices a class choice per image
     */
    public static CamResult compute(LoadedModel model, NDArray input, String target, List<ClassChoice> choices,
            CamMethod method) throws SplitScopeException {
        ResNeSt network = model.network();
        ResNeSt.Cut cut = target(model, target);
        Shape shape = input.getShape();
        int n = Math.toIntExact(shape.get(0));
        if (shape.dimension() != 4 || shape.get(1) != model.config().inChannels()) {
            throw new SplitScopeException("input " + shape + ": the model takes [N, " + model.config().inChannels()
                    + ", H, W]");
        }
        if (choices.size() != n) {
            throw new IllegalArgumentException(choices.size() + " class choices for " + n + " images");
        }
        int classes = model.config().numClasses();
        try (NDManager scope = model.manager().newSubManager()) {
            // A copy in this call's manager: what ops derive from it is then freed with the manager,
            // whichever manager the caller's input is in.
            NDArray x = input.duplicate();
            x.attach(scope);
            ResNeSt.Front front = network.forwardTo(x, cut, CaptureSink.NONE);
            NDArray a = front.activation();
            a.setRequiresGradient(true);
            float[] logits;
            int[] used;
            NDArray gradient;
            try (GradientCollector collector = scope.getEngine().newGradientCollector()) {
                NDArray out = network.forwardFrom(front, cut, CaptureSink.NONE);
                logits = out.toFloatArray();
                used = resolve(choices, logits, classes);
                NDArray chosen = scope.create(oneHot(used, classes), new Shape(n, classes));
                NDArray score = out.mul(chosen).sum();                         // Y = Σ_n logit_n[c_n]
                collector.backward(score);
                gradient = a.getGradient();                                   // read before the collector closes
            }
            NDArray map = method.map(a, gradient);                             // [N, h, w]
            float[] maps = map.toFloatArray();
            List<CamResult.Explained> explained = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                explained.add(new CamResult.Explained(used[i], model.labels().get(used[i]), logits[i * classes + used[i]]));
            }
            Shape mapShape = map.getShape();
            return new CamResult(cut.name(), method, n, (int) mapShape.get(1), (int) mapShape.get(2),
                    (int) shape.get(2), (int) shape.get(3), maps, explained);
        }
    }

    private static int[] resolve(List<ClassChoice> choices, float[] logits, int classes) throws SplitScopeException {
        int[] used = new int[choices.size()];
        for (int i = 0; i < used.length; i++) {
            ClassChoice c = choices.get(i);
            if (!c.top() && c.index() >= classes) {
                throw new SplitScopeException("class " + c.index() + ": the model has " + classes + " classes");
            }
            used[i] = c.resolve(logits, i * classes, classes);
        }
        return used;
    }

    private static float[] oneHot(int[] classes, int count) {
        float[] mask = new float[classes.length * count];
        for (int i = 0; i < classes.length; i++) {
            mask[i * count + classes[i]] = 1;
        }
        return mask;
    }
}
