/**
 * Network input: image files to upright RGB images ({@link org.splitscope.input.ImageLoader}), images
 * to normalised CHW float tensors ({@link org.splitscope.input.Preprocessor}, configured by
 * {@link org.splitscope.input.Preprocessing}), and {@code .npy} tensors
 * ({@link org.splitscope.input.NpyReader}).
 *
 * <p>The aim is the tensor that timm's evaluation pipeline (PIL + torchvision) would give for the
 * same file, so a prediction here can be compared with one in Python. Tested against PIL and
 * torchvision to within 1/255 (1.5/255 with transparency; see PreprocessorParityTest). Known,
 * deliberate differences from {@code Image.open(f).convert("RGB")}:
 * <ul>
 *   <li>EXIF orientation is applied (JPEG, TIFF, WebP, PNG), so photos come in upright; timm does
 *       not rotate (PIL itself already turns TIFFs).
 *   <li>Transparent pixels are composited over white; PIL's {@code convert("RGB")} drops alpha and
 *       shows whatever colour the transparent pixels hold.
 *   <li>Embedded ICC profiles are honoured by the TwelveMonkeys JPEG reader (a CMYK JPEG with a
 *       profile is converted through it); PIL ignores profiles and converts CMYK naively. Files
 *       without a profile match PIL.
 *   <li>16-bit grayscale keeps its high byte; PIL 9 clips such images to white.
 *   <li>GIF: the first frame at its own size; PIL places it on the full logical screen (the same
 *       thing for nearly all files).
 *   <li>JPEG decoding (the JDK's libjpeg 6b against PIL's libjpeg-turbo) may differ by a level or
 *       two per pixel.
 * </ul>
 * Like PIL, truncated files are refused rather than shown half gray.
 *
 * <p>May import: {@code io}.
 */
package org.splitscope.input;
