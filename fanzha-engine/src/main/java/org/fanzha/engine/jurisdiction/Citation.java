package org.fanzha.engine.jurisdiction;

/**
 * One article (or section) of a {@link LegalSource}.
 *
 * @param article as the document numbers it, e.g. "五、（一）" or "第二十二条"
 */
public record Citation(LegalSource source, String article) {

	public Citation {
		if (source == null || article == null || article.isBlank()) {
			throw new IllegalArgumentException("a citation needs a source and an article");
		}
	}

	/** "document article [status]", the way the decision sheet prints it. */
	public String display() {
		return source.title() + " " + article + "［" + source.status().label() + "］";
	}

	@Override
	public String toString() {
		return display();
	}
}
