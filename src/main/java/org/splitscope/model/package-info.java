/**
 * The network: ResNeSt and the ResNet family with an SE, ECA or SK attention slot, built from a
 * {@link org.splitscope.model.ResNeStConfig} with the checkpoints' module names; presets, the
 * architecture read off a state dict, initialisation, and the {@link org.splitscope.model.CaptureSink}
 * through which each block with attention reports (and may be intervened on) during a forward.
 *
 * <p>May import: {@code model.nn}, {@code input} (preprocessing in the metadata), {@code runtime}
 * (threads before a forward) and DJL. Nothing that runs, captures or draws a model.
 */
package org.splitscope.model;
