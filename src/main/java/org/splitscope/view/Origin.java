package org.splitscope.view;

import org.splitscope.engine.LoadedModel;
import org.splitscope.figure.FileFigure;

/**
 * Where a view's figure comes from, as its file records it: the model, the image (its source name,
 * or a label such as "coat.png vs shirt.png"), the image's SHA-256 (read when the file is written:
 * hashing takes a while) and the attention forced, in words, or null.
 */
public record Origin(LoadedModel model, String image, FileFigure.Lazy<String> imageSha256, String forced) {}
