package org.fanzha.funds.web;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway history's detail lines are written by the services in a fixed English form;
 * the console shows them in the user's language. A line of no known form (a bank's own
 * rejection reason) is shown as written.
 */
final class HistoryText {

	private record Form(Pattern pattern, Function<Matcher, Object[]> args, String key) {
	}

	private static final List<Form> FORMS = List.of(
			form("level (\\d+), (EMERGENCY|EXTENDED)", m -> new Object[] { m.group(1), "#funds.kind." + m.group(2) },
					"funds.history.level"),
			form("level (\\d+)", m -> new Object[] { m.group(1), "" }, "funds.history.level"),
			form("confirmed", m -> new Object[0], "funds.history.confirmed"),
			form("stopped (\\d+) fen", m -> new Object[] { fen(m.group(1)) }, "funds.history.stopped"),
			form("also serves case (\\S+?)(, amount \\+(\\d+) fen)?",
					m -> new Object[] { m.group(1), m.group(3) == null ? "" : fen(m.group(3)) },
					"funds.history.alsoServes"),
			form("onward transfer reported by (\\S+)", m -> new Object[] { m.group(1) }, "funds.history.onward"),
			form("48 hours since (\\S+)", m -> new Object[] { time(m.group(1)) }, "funds.history.expired"),
			form("document (.+)", m -> new Object[] { m.group(1) }, "funds.history.freezeDocument"),
			form("frozen (\\d+) fen until (\\S+)", m -> new Object[] { fen(m.group(1)), day(m.group(2)) },
					"funds.history.frozen"),
			form("renewed: document (.+), until (\\S+)", m -> new Object[] { m.group(1), day(m.group(2)) },
					"funds.history.renewed"),
			form("term ended (\\S+) without renewal", m -> new Object[] { day(m.group(1)) }, "funds.history.lapsed"),
			form("(\\d+) statement rows", m -> new Object[] { m.group(1) }, "funds.history.queryRows"),
			form("round (\\d+), (SINGLE_DEPOSIT|TIMESTAMPS|PRO_RATA), (\\d+) fen, no notice",
					m -> new Object[] { m.group(1), "#funds.basis." + m.group(2), fen(m.group(3)) },
					"funds.history.roundDirect"),
			form("round (\\d+), (SINGLE_DEPOSIT|TIMESTAMPS|PRO_RATA), (\\d+) fen, notice until (\\S+)",
					m -> new Object[] { m.group(1), "#funds.basis." + m.group(2), fen(m.group(3)), day(m.group(4)) },
					"funds.history.roundNotice"),
			form("bank to return by (\\S+?)(; (.*))?",
					m -> new Object[] { m.group(1), m.group(3) == null ? "" : m.group(3) }, "funds.history.decided"),
			form("round (\\d+), (\\d+) fen returned", m -> new Object[] { m.group(1), fen(m.group(2)) },
					"funds.history.returned"));

	private HistoryText() {
	}

	private static Form form(String regex, Function<Matcher, Object[]> args, String key) {
		return new Form(Pattern.compile(regex, Pattern.DOTALL), args, key);
	}

	static String detail(ConsoleText text, String detail) {
		if (detail == null) {
			return "";
		}
		for (Form f : FORMS) {
			Matcher m = f.pattern().matcher(detail);
			if (m.matches()) {
				Object[] args = f.args().apply(m);
				for (int i = 0; i < args.length; i++) {
					// an argument that is itself a message key (an enum's name)
					if (args[i] instanceof String s && s.startsWith("#")) {
						args[i] = text.text(s.substring(1));
					}
				}
				return text.text(f.key(), args);
			}
		}
		return detail;
	}

	private static String fen(String fen) {
		return BankPages.yuan(Long.parseLong(fen));
	}

	private static String time(String instant) {
		try {
			return ConsoleText.SECONDS.format(Instant.parse(instant));
		}
		catch (RuntimeException e) {
			return instant;
		}
	}

	private static String day(String instantOrDate) {
		String t = time(instantOrDate);
		return t.length() >= 10 ? t.substring(0, 10) : t;
	}

}
