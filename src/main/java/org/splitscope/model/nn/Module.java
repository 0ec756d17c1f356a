package org.splitscope.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A DJL block whose children and parameters carry PyTorch module names, so that
 * {@link #getParameters()} yields exactly the official/timm checkpoint keys
 * ({@code layer2.0.conv2.fc1.weight}) and weights map mechanically.
 *
 * <p>Every parameter's shape is declared at construction (the config fixes them all), so neither
 * loading nor initialising needs shape inference.
 */
public abstract class Module extends AbstractBlock {
    private final Map<String, Shape> shapes = new LinkedHashMap<>();

    /** Registers a child under its PyTorch name (DJL's {@code addChildBlock} would prefix "01"). */
    protected final <B extends Block> B child(String name, B block) {
        children.add(name, block);
        return block;
    }

    /**
     * Declares a parameter. Its shape is kept here rather than on the Parameter: DJL refuses
     * {@code setArray} (loading a checkpoint) on a parameter that already has a shape.
     */
    protected final Parameter parameter(String name, Parameter.Type type, Shape shape) {
        shapes.put(name, shape);
        return addParameter(Parameter.builder().setName(name).setType(type).build());
    }

    /** Every parameter's shape below this module, keyed like a PyTorch state dict. */
    public Map<String, Shape> parameterShapes() {
        Map<String, Shape> all = new LinkedHashMap<>(shapes);
        for (Pair<String, Block> child : getChildren()) {
            if (child.getValue() instanceof Module module) {
                module.parameterShapes().forEach((key, shape) -> all.put(child.getKey() + "." + key, shape));
            }
        }
        return all;
    }

    /** Gives every parameter its declared shape, so that DJL's initializers can fill them (training). */
    public void declareShapes() {
        for (Pair<String, Parameter> p : getDirectParameters()) {
            p.getValue().setShape(shapes.get(p.getKey()));
        }
        for (Block child : getChildren().values()) {
            if (child instanceof Module module) {
                module.declareShapes();
            }
        }
    }

    /** All parameters below this module, keyed like a PyTorch state dict. */
    @Override
    public ParameterList getParameters() {
        ParameterList all = new ParameterList();
        for (Pair<String, Parameter> direct : getDirectParameters()) {
            all.add(direct.getKey(), direct.getValue());
        }
        for (Pair<String, Block> child : getChildren()) {
            for (Pair<String, Parameter> nested : child.getValue().getParameters()) {
                all.add(child.getKey() + "." + nested.getKey(), nested.getValue());
            }
        }
        return all;
    }

    /** Switches batch norms between batch statistics (true) and running statistics (false). */
    public void setTraining(boolean training) {
        for (Block child : getChildren().values()) {
            if (child instanceof Module module) {
                module.setTraining(training);
            }
        }
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (Block child : getChildren().values()) {
            child.initialize(manager, dataType, inputShapes);
        }
    }

    /** Single-input modules run through {@link #apply}; DJL's forward delegates to it. */
    public NDArray apply(NDArray x) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " is applied by its parent");
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(apply(inputs.singletonOrThrow()));
    }

    /** Initialised once every parameter has an array (DJL also wants recorded input shapes; ours have none). */
    @Override
    public boolean isInitialized() {
        for (Parameter p : getParameters().values()) {
            if (!p.isInitialized()) {
                return false;
            }
        }
        return true;
    }

    /** DJL's parameter files record each block's input shapes; ours are fixed by the config: none. */
    @Override
    protected void saveMetadata(java.io.DataOutputStream os) throws java.io.IOException {
        os.writeInt(0);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        throw new UnsupportedOperationException("shapes are fixed by ResNeStConfig; ask ResNeSt");
    }
}
