package org.fanzha.core;

/**
 * JSON string literals, for the few places that write JSON without a library (error
 * bodies, CLI output).
 */
public final class JsonText {

	private JsonText() {
	}

	/** {@code s} as a JSON string literal with quotes, or {@code null}. */
	public static String quote(String s) {
		if (s == null) {
			return "null";
		}
		StringBuilder b = new StringBuilder(s.length() + 2);
		appendQuoted(b, s);
		return b.toString();
	}

	public static void appendQuoted(StringBuilder b, String s) {
		b.append('"');
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
				case '"' -> b.append("\\\"");
				case '\\' -> b.append("\\\\");
				case '\n' -> b.append("\\n");
				case '\r' -> b.append("\\r");
				case '\t' -> b.append("\\t");
				default -> {
					if (c < 0x20) {
						b.append(String.format("\\u%04x", (int) c));
					}
					else {
						b.append(c);
					}
				}
			}
		}
		b.append('"');
	}

}
