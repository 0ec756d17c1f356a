package org.splitscope.figure;

import org.splitscope.view.heatmaps.HeatmapFigure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.render.AttentionScale;
import org.splitscope.render.Colormap;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** PNG, SVG and PDF as a reader opens them: size, resolution, text as text, provenance inside. */
public class FigureFilesTest {
    private static final Provenance PROVENANCE = new Provenance("heatmaps", "résnest-test", "ab".repeat(32),
            "coat\u001b[31m.png", "cd".repeat(32), "layer2.0", "all groups", null, "viridis", "fixed 0 – 1");

    private static Drawing heatmaps(FigureSize size) {
        return HeatmapFigure.draw(Records.matrix(), Records.maps(), null, Records.input(),
                new HeatmapFigure.Options(Colormap.VIRIDIS, AttentionScale.FIXED, 0.6, size.widthPt() / 2),
                size.widthPt(), FigureStyle.print(FigureStyle.Theme.PAPER)).withCaption(PROVENANCE.caption());
    }

    /** The iTXt entries of a PNG. */
    public static Map<String, String> pngText(Path png) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (ImageInputStream in = ImageIO.createImageInputStream(png.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            IIOMetadata meta = reader.getImageMetadata(0);
            Element root = (Element) meta.getAsTree("javax_imageio_png_1.0");
            NodeList entries = root.getElementsByTagName("iTXtEntry");
            for (int i = 0; i < entries.getLength(); i++) {
                Element e = (Element) entries.item(i);
                out.put(e.getAttribute("keyword"), e.getAttribute("text"));
            }
            Element phys = (Element) root.getElementsByTagName("pHYs").item(0);
            if (phys != null) {
                out.put("pHYs", phys.getAttribute("pixelsPerUnitXAxis") + " per " + phys.getAttribute("unitSpecifier"));
            }
            reader.dispose();
        }
        return out;
    }

    @Test
    void pngHasTheWidthTheDpiAndTheProvenance(@TempDir Path dir) throws Exception {
        FigureSize size = FigureSize.parse("3.5in", 300);
        Path png = dir.resolve("f.png");
        Drawing d = heatmaps(size);
        FigureFiles.write(png, FigureFormat.PNG, d, size, PROVENANCE);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1050, image.getWidth(), "3.5 in × 300 dpi");
        assertEquals(size.pixels(d.height()), image.getHeight());
        Map<String, String> text = pngText(png);
        assertEquals("11811 per meter", text.get("pHYs"), "300 dpi = 11811 px/m");
        assertEquals("résnest-test", text.get("Model"));
        assertEquals("ab".repeat(32), text.get("Model SHA-256"));
        assertEquals("coat\\x1B[31m.png", text.get("Image"), "no raw escape from a file name");
        assertEquals("layer2.0", text.get("Block"));
        assertTrue(text.get("Software").startsWith("SplitScope "));
        assertEquals(0xFFFFFF, image.getRGB(1, 1) & 0xFFFFFF, "paper theme");
    }

    @Test
    void svgParsesKeepsTextAsTextAndCarriesItsMetadata(@TempDir Path dir) throws Exception {
        FigureSize size = FigureSize.parse("7in", 300);
        Path svg = dir.resolve("f.svg");
        FigureFiles.write(svg, FigureFormat.SVG, heatmaps(size), size, PROVENANCE);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = f.newDocumentBuilder().parse(svg.toFile());
        Element root = doc.getDocumentElement();
        assertEquals("504.00pt", root.getAttribute("width"), "7 in");
        NodeList texts = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        assertTrue(texts.getLength() > 10, "labels are <text>, not outlines");
        String all = doc.getDocumentElement().getTextContent();
        // a_r(c) is set as "a" with a subscript "r": text runs one after the other
        assertTrue(all.contains("Attention ar(c) of layer2.0"), "the title is there as text");
        NodeList entries = doc.getElementsByTagNameNS(FigureFiles.PROVENANCE_NS, "entry");
        Map<String, String> meta = new LinkedHashMap<>();
        for (int i = 0; i < entries.getLength(); i++) {
            Element e = (Element) entries.item(i);
            meta.put(e.getAttribute("key"), e.getTextContent());
        }
        assertEquals("cd".repeat(32), meta.get("Image SHA-256"));
        assertEquals("viridis", meta.get("Colormap"));
        assertTrue(Files.readString(svg).contains("DejaVu Sans"), "the bundled font by name");
    }

    @Test
    void pdfHasTheLayoutsPageSizeSelectableTextAndDocumentInfo(@TempDir Path dir) throws Exception {
        FigureSize size = FigureSize.parse("3.5in", 300);
        Drawing d = heatmaps(size);
        Path pdf = dir.resolve("f.pdf");
        FigureFiles.write(pdf, FigureFormat.PDF, d, size, PROVENANCE);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertEquals(1, doc.getNumberOfPages());
            assertEquals(d.width(), doc.getPage(0).getMediaBox().getWidth(), 0.01);
            assertEquals(d.height(), doc.getPage(0).getMediaBox().getHeight(), 0.01);
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("layer2.0"), "the block name can be found and selected: " + text);
            assertTrue(text.contains("split r = 1"));
            assertEquals(PROVENANCE.title(), doc.getDocumentInformation().getTitle());
            assertEquals("ab".repeat(32), doc.getDocumentInformation().getCustomMetadataValue("SplitScope Model SHA-256"));
            List<String> fonts = new java.util.ArrayList<>();
            for (var name : doc.getPage(0).getResources().getXObjectNames()) {
                var form = (org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject) doc.getPage(0).getResources()
                        .getXObject(name);
                for (var f : form.getResources().getFontNames()) {
                    PDFont font = form.getResources().getFont(f);
                    fonts.add(font.getName());
                    assertTrue(font.isEmbedded(), font.getName() + " is embedded");
                }
            }
            assertTrue(fonts.stream().anyMatch(n -> n.contains("DejaVuSans")), "the bundled font: " + fonts);
        }
    }

    @Test
    void aFailedWriteLeavesNothingAndSizesAreChecked(@TempDir Path dir) throws Exception {
        assertThrows(IllegalArgumentException.class, () -> FigureSize.parse("3.5 furlongs", 300));
        assertThrows(IllegalArgumentException.class, () -> FigureSize.parse("0.1in", 300));
        assertThrows(IllegalArgumentException.class, () -> FigureSize.parse("3in", 5));
        assertEquals(288, FigureSize.parse("1200px", 300).widthPt(), 1e-9, "1200 px at 300 dpi = 4 in");
        assertEquals(FigureSize.parse("90mm", 300).widthPt(), FigureSize.parse("9cm", 300).widthPt(), 1e-9);
        Path blocked = Files.createDirectory(dir.resolve("taken.png"));
        FigureSize size = FigureSize.parse("2in", 72);
        assertThrows(IOException.class, () -> FigureFiles.write(blocked, FigureFormat.PNG, heatmaps(size), size,
                PROVENANCE));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(blocked), files.toList(), "no temporary file left");
        }
        assertNotNull(Fonts.regular(8));
        assertFalse(Fonts.bold(8).getFontName().equals(Fonts.regular(8).getFontName()));
    }
}
