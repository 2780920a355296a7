package org.fanzha.console;

import java.util.Arrays;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The one way a code (an enum constant, a status, a reason code) reaches a console page: through the message key
 * {@code code.<kind>.<CODE>}, e.g. {@code code.decision.DELAY}. Templates call {@code ${@labels.of('decision', x)}}.
 * A missing key shows as {@code ??code.decision.X??}, as Thymeleaf does for {@code #{...}}, so the page tests see it.
 * The API keeps the codes: banks and operators read them.
 */
@Component("labels")
public class Labels {

	private final MessageSource messages;

	public Labels(MessageSource messages) {
		this.messages = messages;
	}

	/** The label of a code, or "" for none. */
	public String of(String kind, Object code) {
		if (code == null || code.toString().isBlank()) {
			return "";
		}
		String key = "code." + kind + "." + (code instanceof Enum<?> e ? e.name() : code.toString().strip());
		String said = messages.getMessage(key, null, null, LocaleContextHolder.getLocale());
		return said != null ? said : "??" + key + "??";
	}

	/**
	 * Free text that may be a code, as banks' rejection reasons are: the label where {@code code.<kind>.<text>} is
	 * known, else the text as written.
	 */
	public String text(String kind, String text) {
		if (text == null || text.isBlank()) {
			return "";
		}
		String said = messages.getMessage("code." + kind + "." + text.strip(), null, null, LocaleContextHolder.getLocale());
		return said != null ? said : text;
	}

	/**
	 * A developer-written phrase, as the audit trail's purposes are ("console: case list", "listing 4"): the label of
	 * its longest known head ({@code code.<kind>.<head as a slug>}, the rest of the phrase as {0}), else the phrase.
	 */
	public String phrase(String kind, String text) {
		if (text == null || text.isBlank()) {
			return "";
		}
		String[] words = text.strip().split("\\s+");
		for (int n = words.length; n > 0; n--) {
			String head = String.join(" ", Arrays.copyOf(words, n)).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
					.replaceAll("^-|-$", "");
			String rest = String.join(" ", Arrays.copyOfRange(words, n, words.length));
			String said = messages.getMessage("code." + kind + "." + head, rest.isEmpty() ? null : new Object[] { rest },
					null, LocaleContextHolder.getLocale());
			if (said != null) {
				return said;
			}
		}
		return text;
	}

	/** An enum constant under its simple class name as the kind, e.g. {@code code.AuditAction.READ}. */
	public String of(Enum<?> code) {
		return code == null ? "" : of(code.getDeclaringClass().getSimpleName(), code);
	}
}
