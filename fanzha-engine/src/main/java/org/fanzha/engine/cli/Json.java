package org.fanzha.engine.cli;

import org.fanzha.core.JsonText;

/** Just enough JSON writing for the command-line outputs (no library in the engine). */
public final class Json {

	private final StringBuilder b = new StringBuilder(4096);

	private boolean comma;

	public Json open(char c) {
		sep();
		b.append(c);
		comma = false;
		return this;
	}

	public Json close(char c) {
		b.append(c);
		comma = true;
		return this;
	}

	public Json key(String k) {
		sep();
		string(k);
		b.append(':');
		comma = false;
		return this;
	}

	public Json value(String s) {
		sep();
		if (s == null) {
			b.append("null");
		}
		else {
			string(s);
		}
		comma = true;
		return this;
	}

	public Json value(long v) {
		sep();
		b.append(v);
		comma = true;
		return this;
	}

	public Json value(double v) {
		sep();
		b.append(Double.isFinite(v) ? Double.toString(v) : "null");
		comma = true;
		return this;
	}

	public Json value(boolean v) {
		sep();
		b.append(v);
		comma = true;
		return this;
	}

	public Json field(String k, boolean v) {
		return key(k).value(v);
	}

	public Json field(String k, String v) {
		return key(k).value(v);
	}

	public Json field(String k, long v) {
		return key(k).value(v);
	}

	public Json field(String k, double v) {
		return key(k).value(v);
	}

	private void sep() {
		if (comma) {
			b.append(',');
			comma = false;
		}
	}

	private void string(String s) {
		JsonText.appendQuoted(b, s);
	}

	@Override
	public String toString() {
		return b.toString();
	}

}
