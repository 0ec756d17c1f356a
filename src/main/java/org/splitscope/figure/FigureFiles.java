package org.splitscope.figure;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.RenderedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Calendar;
import java.util.Locale;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.batik.svggen.ImageHandlerBase64Encoder;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2DIOException;
import org.apache.batik.svggen.SVGGraphics2D;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.splitscope.Version;
import org.splitscope.io.AtomicFiles;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A drawing written as PNG, SVG or PDF, with its provenance inside, completely or not at all. PNG
 * is painted at the size's dpi (recorded in pHYs); SVG and PDF keep text as text in the bundled font
 * (PDF embeds it, so the text can be selected and searched).
 */
public final class FigureFiles {
    private static final String SVG_NS = "http://www.w3.org/2000/svg";
    static final String PROVENANCE_NS = "https://splitscope.org/ns/provenance";

    private FigureFiles() {}

    /** The tallest figure written: as wide as the widest allowed; taller is a layout gone wrong, not a figure. */
    public static final double MAX_HEIGHT_IN = FigureSize.MAX_WIDTH_IN;
    /** The most pixels a PNG may have (as the largest input image): 4 bytes each while painting. */
    public static final long MAX_PNG_PIXELS = 50_000_000L;

    /** The reason a drawing cannot be written at this size (checked before anything is painted), or null. */
    public static String tooLarge(Drawing d, FigureSize size, FigureFormat format) {
        double hIn = d.height() / 72;
        if (!(hIn <= MAX_HEIGHT_IN)) {
            return String.format(Locale.ROOT, "the figure would be %.0f in tall, more than %.0f in; fewer groups or "
                    + "blocks make it shorter", hIn, MAX_HEIGHT_IN);
        }
        if (format == FigureFormat.PNG) {
            long pixels = (long) size.pixels(d.width()) * size.pixels(d.height());
            if (pixels > MAX_PNG_PIXELS) {
                return String.format(Locale.ROOT, "a %.2f × %.2f in PNG at %.0f dpi would have %.0f megapixels, more "
                        + "than %d; a lower --dpi, or SVG or PDF", d.width() / 72, hIn, size.dpi(), pixels / 1e6,
                        MAX_PNG_PIXELS / 1_000_000);
            }
        }
        return null;
    }

    /**
     * The one way a view's figure becomes a file, in the window and the {@code figure} command: its
     * provenance, its drawing at the size's width, the caption line unless left out, then the write.
     *
     * @return what was written
     */
    public static Drawing write(Path file, FigureFormat format, FileFigure figure, FigureSize size, FigureStyle style,
            boolean caption) throws IOException {
        Provenance p = figure.provenance();
        Drawing d = figure.draw(size.widthPt(), style);
        Drawing out = caption ? d.withCaption(p.caption()) : d;
        write(file, format, out, size, p);
        return out;
    }

    /** @throws IOException also when the drawing is too large to paint ({@link #tooLarge}): nothing is written */
    static void write(Path file, FigureFormat format, Drawing d, FigureSize size, Provenance p)
            throws IOException {
        String tooLarge = tooLarge(d, size, format);
        if (tooLarge != null) {
            throw new IOException(tooLarge);
        }
        AtomicFiles.write(file, out -> {
            switch (format) {
                case PNG -> png(out, d, size.dpi(), p);
                case SVG -> svg(out, d, p);
                case PDF -> pdf(out, d, p);
            }
        });
    }

    /** The drawing as pixels at {@code dpi} (layout units are points). */
    public static BufferedImage image(Drawing d, double dpi) {
        double scale = dpi / 72;
        BufferedImage image = new BufferedImage((int) Math.ceil(d.width() * scale - 1e-6),
                (int) Math.ceil(d.height() * scale - 1e-6), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(d.style().background());
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.scale(scale, scale);
            d.paint(g);
        } finally {
            g.dispose();
        }
        return image;
    }

    static void png(OutputStream out, Drawing d, double dpi, Provenance p) throws IOException {
        BufferedImage image = image(d, dpi);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
            String format = "javax_imageio_png_1.0";
            IIOMetadataNode root = new IIOMetadataNode(format);
            IIOMetadataNode phys = new IIOMetadataNode("pHYs");
            String perMetre = Long.toString(Math.round(dpi / 0.0254));
            phys.setAttribute("pixelsPerUnitXAxis", perMetre);
            phys.setAttribute("pixelsPerUnitYAxis", perMetre);
            phys.setAttribute("unitSpecifier", "meter");
            root.appendChild(phys);
            // iTXt, not tEXt: names may be beyond Latin-1.
            IIOMetadataNode text = new IIOMetadataNode("iTXt");
            for (Map.Entry<String, String> e : p.entries().entrySet()) {
                IIOMetadataNode entry = new IIOMetadataNode("iTXtEntry");
                entry.setAttribute("keyword", e.getKey());
                entry.setAttribute("compressionFlag", "FALSE");
                entry.setAttribute("compressionMethod", "0");
                entry.setAttribute("languageTag", "");
                entry.setAttribute("translatedKeyword", "");
                entry.setAttribute("text", e.getValue());
                text.appendChild(entry);
            }
            root.appendChild(text);
            meta.mergeTree(format, root);
            writer.setOutput(ios);
            writer.write(null, new IIOImage(image, null, meta), param);
        } finally {
            writer.dispose();
        }
    }

    static void svg(OutputStream out, Drawing d, Provenance p) throws IOException {
        Document doc;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            doc = factory.newDocumentBuilder().getDOMImplementation().createDocument(SVG_NS, "svg", null);
        } catch (ParserConfigurationException e) {
            throw new IOException("no XML document builder: " + e.getMessage(), e);
        }
        SVGGeneratorContext ctx = SVGGeneratorContext.createDefault(doc);
        ctx.setComment(" " + Version.NAME + " ");
        ctx.setEmbeddedFontsOn(false);
        ctx.setImageHandler(new PngDataUris());
        SVGGraphics2D g = new SVGGraphics2D(ctx, false); // text stays <text>
        int w = (int) Math.ceil(d.width());
        int h = (int) Math.ceil(d.height());
        g.setSVGCanvasSize(new Dimension(w, h));
        d.paint(g);
        Element root = g.getRoot();
        root.setAttributeNS(null, "width", fmt(d.width()) + "pt");
        root.setAttributeNS(null, "height", fmt(d.height()) + "pt");
        root.setAttributeNS(null, "viewBox", "0 0 " + fmt(d.width()) + " " + fmt(d.height()));
        Element title = doc.createElementNS(SVG_NS, "title");
        title.setTextContent(org.splitscope.io.Printable.clean(p.title())); // XML 1.0 allows no ESC
        root.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:splitscope", PROVENANCE_NS);
        Element metadata = doc.createElementNS(SVG_NS, "metadata");
        Element info = doc.createElementNS(PROVENANCE_NS, "splitscope:provenance");
        for (Map.Entry<String, String> e : p.entries().entrySet()) {
            Element item = doc.createElementNS(PROVENANCE_NS, "splitscope:entry");
            item.setAttributeNS(null, "key", e.getKey());
            item.setTextContent(org.splitscope.io.Printable.clean(e.getValue()));
            info.appendChild(item);
        }
        metadata.appendChild(info);
        root.insertBefore(metadata, root.getFirstChild());
        root.insertBefore(title, root.getFirstChild());
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        g.stream(root, writer, true, false);
        writer.flush();
        g.dispose();
    }

    static void pdf(OutputStream out, Drawing d, Provenance p) throws IOException {
        float w = (float) d.width();
        float h = (float) d.height();
        try (PDDocument doc = new PDDocument();
                PdfBoxGraphics2DFontTextDrawer fonts = new PdfBoxGraphics2DFontTextDrawer()) {
            PDPage page = new PDPage(new PDRectangle(w, h));
            doc.addPage(page);
            // Embedded (subset) under the names AWT gives the bundled fonts, so text stays text.
            try (InputStream regular = Fonts.open(Fonts.REGULAR_FILE); InputStream bold = Fonts.open(Fonts.BOLD_FILE)) {
                fonts.registerFont(Fonts.regular(10).getFontName(), regular);
                fonts.registerFont(Fonts.bold(10).getFontName(), bold);
            }
            PdfBoxGraphics2D g = new PdfBoxGraphics2D(doc, w, h);
            g.setFontTextDrawer(fonts);
            try {
                d.paint(g);
            } finally {
                g.dispose();
            }
            PDFormXObject form = g.getXFormObject();
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.drawForm(form);
            }
            PDDocumentInformation info = doc.getDocumentInformation();
            Map<String, String> entries = p.entries();
            info.setTitle(entries.get("Title"));
            info.setCreator(Version.NAME);
            info.setProducer(Version.NAME + " (Apache PDFBox)");
            info.setSubject(p.caption());
            info.setKeywords("split attention, ResNeSt, " + p.view() + ", " + p.block());
            info.setCreationDate(Calendar.getInstance(Locale.ROOT));
            entries.forEach((k, v) -> {
                if (!k.equals("Title") && !k.equals("Software")) {
                    info.setCustomMetadataValue("SplitScope " + k, v);
                }
            });
            doc.save(out);
        }
    }

    /** Images as PNG data URIs, encoded by ImageIO (Batik's own encoders live in a module we do not ship). */
    private static final class PngDataUris extends ImageHandlerBase64Encoder {
        @Override
        public void encodeImage(RenderedImage image, OutputStream out) throws SVGGraphics2DIOException {
            try {
                ImageIO.write(image, "png", out);
            } catch (IOException e) {
                throw new SVGGraphics2DIOException(e);
            }
        }
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
