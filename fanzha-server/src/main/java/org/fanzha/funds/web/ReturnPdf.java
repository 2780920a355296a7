package org.fanzha.funds.web;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

/**
 * The return documents as PDF (OpenPDF) with an embedded Chinese font found on the
 * machine: Debian's fonts-wqy-microhei or fonts-noto-cjk, or {@code FANZHA_CJK_FONT}.
 * Without one, no PDF (a Chinese document printed in boxes helps no one): the HTML
 * version prints to PDF from any browser instead.
 */
final class ReturnPdf {

	static final List<String> FONT_PATHS = List.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc,0",
			"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc,2",
			"/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc,0");

	private ReturnPdf() {
	}

	/** The path of a usable CJK font (with the index into a .ttc), or null. */
	static String font() {
		String configured = System.getenv("FANZHA_CJK_FONT");
		if (configured != null && Files.isRegularFile(Path.of(configured.replaceAll(",\\d+$", "")))) {
			return configured;
		}
		for (String p : FONT_PATHS) {
			if (Files.isRegularFile(Path.of(p.replaceAll(",\\d+$", "")))) {
				return p;
			}
		}
		return null;
	}

	static byte[] render(String font, String title, String number, String intro, String[] header, List<String[]> rows,
			String closing, String signer) {
		try {
			BaseFont base = BaseFont.createFont(font, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
			Font titleFont = new Font(base, 20, Font.BOLD);
			Font text = new Font(base, 11);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			Document doc = new Document(PageSize.A4, 56, 56, 56, 56);
			PdfWriter.getInstance(doc, out);
			doc.addTitle(title);
			doc.open();
			Paragraph t = new Paragraph(title, titleFont);
			t.setAlignment(Element.ALIGN_CENTER);
			doc.add(t);
			if (number != null) {
				Paragraph n = new Paragraph(number, text);
				n.setAlignment(Element.ALIGN_RIGHT);
				doc.add(n);
			}
			doc.add(new Paragraph(intro, text));
			PdfPTable table = new PdfPTable(header.length);
			table.setWidthPercentage(100);
			table.setSpacingBefore(10);
			table.setSpacingAfter(10);
			for (String h : header) {
				table.addCell(new PdfPCell(new Paragraph(h, text)));
			}
			for (String[] r : rows) {
				for (String c : r) {
					table.addCell(new PdfPCell(new Paragraph(c == null ? "" : c, text)));
				}
			}
			doc.add(table);
			doc.add(new Paragraph(closing, text));
			Paragraph s = new Paragraph(signer, text);
			s.setAlignment(Element.ALIGN_RIGHT);
			s.setSpacingBefore(30);
			doc.add(s);
			doc.close();
			return out.toByteArray();
		}
		catch (Exception e) {
			throw new IllegalStateException("PDF could not be made with font " + font + ": " + e.getMessage(), e);
		}
	}

}
