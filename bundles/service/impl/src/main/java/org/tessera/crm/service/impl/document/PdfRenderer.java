package org.tessera.crm.service.impl.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.html.simpleparser.HTMLWorker;
import com.lowagie.text.html.simpleparser.StyleSheet;
import com.lowagie.text.pdf.PdfWriter;

/**
 * HTML to PDF with OpenPDF's simple HTML parser: paragraphs, headings, lists, tables, bold and
 * italics, on A4 pages. Letters need no more; the HTML rendering stays the reference.
 */
public final class PdfRenderer {
    private PdfRenderer() {
    }

    public static byte[] render(String title, String html) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 56, 56, 56, 56);
        try {
            PdfWriter.getInstance(document, out);
            if (title != null) {
                document.addTitle(title);
            }
            document.addCreator("Tessera CRM");
            document.open();
            List<Element> elements = HTMLWorker.parseToList(new StringReader(html), new StyleSheet());
            for (Element element : elements) {
                document.add(element);
            }
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("PDF rendering failed", e);
        } finally {
            if (document.isOpen()) {
                document.close();
            }
        }
        return out.toByteArray();
    }
}
