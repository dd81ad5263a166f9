package com.chargeline.invoicing;

import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfTemplate;
import org.openpdf.text.pdf.PdfWriter;

/**
 * The foot of every page: the invoice's number on the left, "Page n of m" on the right. The page count is not known
 * until the document closes, so every page shows one shared template that is filled in then.
 */
final class InvoicePdfFooter extends PdfPageEventHelper {
    private static final float SIZE = 8;
    private final String label;
    private PdfTemplate total;

    InvoicePdfFooter(String label) {
        this.label = label;
    }

    @Override
    public void onOpenDocument(PdfWriter writer, Document document) {
        total = writer.getDirectContent().createTemplate(40, 12);
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
        var cb = writer.getDirectContent();
        float y = document.bottom() - 24;
        ColumnText.showTextAligned(cb, Element.ALIGN_LEFT, new Phrase("Invoice " + label, InvoicePdf.SMALL),
                document.left(), y, 0);
        var text = "Page " + writer.getPageNumber() + " of ";
        var font = InvoicePdf.SMALL.getCalculatedBaseFont(false);
        float width = font.getWidthPoint(text, SIZE);
        float x = document.right() - 40 - width;
        ColumnText.showTextAligned(cb, Element.ALIGN_LEFT, new Phrase(text, InvoicePdf.SMALL), x, y, 0);
        cb.addTemplate(total, x + width, y);
    }

    @Override
    public void onCloseDocument(PdfWriter writer, Document document) {
        total.beginText();
        total.setFontAndSize(InvoicePdf.SMALL.getCalculatedBaseFont(false), SIZE);
        total.setColorFill(InvoicePdf.SMALL.getColor());
        total.setTextMatrix(0, 0);
        total.showText(Integer.toString(writer.getPageNumber() - 1));
        total.endText();
    }
}
