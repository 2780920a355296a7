package org.fanzha.sim.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict JSON reader for the tests of --json outputs (objects, arrays, strings,
 * numbers, literals).
 */
final class MiniJson {

	private final String s;

	private int i;

	private MiniJson(String s) {
		this.s = s;
	}

	/**
	 * Parses one JSON value that must fill the whole text (surrounding white space
	 * aside).
	 */
	static Object parse(String text) {
		MiniJson p = new MiniJson(text);
		Object v = p.value();
		p.space();
		if (p.i != text.length()) {
			throw p.error("text after the value");
		}
		return v;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> object(String text) {
		Object v = parse(text);
		if (!(v instanceof Map)) {
			throw new IllegalArgumentException("not a JSON object");
		}
		return (Map<String, Object>) v;
	}

	private IllegalArgumentException error(String what) {
		return new IllegalArgumentException(what + " at offset " + i);
	}

	private void space() {
		while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
			i++;
		}
	}

	private void expect(char c) {
		space();
		if (i >= s.length() || s.charAt(i) != c) {
			throw error("expected '" + c + "'");
		}
		i++;
	}

	/** The comma-separated elements after an opening bracket, up to {@code close}. */
	private void elements(char close, Runnable element) {
		i++;
		space();
		if (i < s.length() && s.charAt(i) == close) {
			i++;
			return;
		}
		while (true) {
			element.run();
			space();
			if (i >= s.length()) {
				throw error("unexpected end");
			}
			char c = s.charAt(i++);
			if (c == close) {
				return;
			}
			if (c != ',') {
				throw error("expected ',' or '" + close + "'");
			}
		}
	}

	private Object value() {
		space();
		if (i >= s.length()) {
			throw error("unexpected end");
		}
		char c = s.charAt(i);
		if (c == '{') {
			Map<String, Object> m = new LinkedHashMap<>();
			elements('}', () -> {
				space();
				String k = string();
				if (m.containsKey(k)) {
					throw error("duplicate key " + k);
				}
				expect(':');
				m.put(k, value());
			});
			return m;
		}
		if (c == '[') {
			List<Object> l = new ArrayList<>();
			elements(']', () -> l.add(value()));
			return l;
		}
		if (c == '"') {
			return string();
		}
		for (String lit : new String[] { "true", "false", "null" }) {
			if (s.startsWith(lit, i)) {
				i += lit.length();
				return lit.equals("null") ? null : Boolean.valueOf(lit);
			}
		}
		int start = i;
		while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
			i++;
		}
		if (start == i) {
			throw error("unexpected '" + c + "'");
		}
		return Double.parseDouble(s.substring(start, i));
	}

	private String string() {
		if (s.charAt(i) != '"') {
			throw error("expected a string");
		}
		StringBuilder b = new StringBuilder();
		i++;
		while (s.charAt(i) != '"') {
			char c = s.charAt(i++);
			if (c == '\\') {
				char e = s.charAt(i++);
				switch (e) {
					case 'n' -> b.append('\n');
					case 't' -> b.append('\t');
					case 'r' -> b.append('\r');
					case 'b' -> b.append('\b');
					case 'f' -> b.append('\f');
					case 'u' -> {
						b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
						i += 4;
					}
					default -> b.append(e);
				}
			}
			else {
				b.append(c);
			}
		}
		i++;
		return b.toString();
	}

}
