package org.fanzha.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fanzha.core.BankCardNumber;
import org.fanzha.identity.Area;
import org.fanzha.identity.Directory;
import org.fanzha.identity.Role;
import org.fanzha.identity.Route;
import org.fanzha.support.DemoLogins;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every console page, for every role that may open it, in Chinese and English: no
 * {@code ??key??}, no enum or reason code, no developer English in Chinese, no Whitelabel
 * page, status 200. The pages come from the handler mappings, so a new page is checked
 * without being listed here.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsolePagesTests {

	/** Pages that cannot be opened from the demo data alone, and why. */
	static final Map<String, String> SKIPPED = Map.of("/cardcutting/query", "redirects to /cardcutting",
			"/cardcutting/persons/{personId}", "needs a listed person", "/cardcutting/listings/{id}",
			"needs a disciplinary listing", "/funds/history/{type}/{id}", "needs an answered bank instruction",
			"/funds/returns/{id}/documents/{kind}", "needs a return round", "/login", "signed out; ConsoleTests");

	/** Pages a role is admitted to by area but refused by design. */
	static final Set<String> REFUSED = Set.of("PROCURATOR /cases/new",
			// a station sees the cases it took; the test's case is the centre's
			"STATION_OFFICER /cases/{caseNumber}");

	/**
	 * Real acronyms and names written in capitals in either language. Identifiers
	 * (XA-AFC, AGENT-1, ICBC:ACC1) are not taken for codes.
	 */
	static final Set<String> ACRONYMS = Set.of("ICBC", "SIM", "APP", "CSV", "XLSX", "PDF", "IMEI", "URL", "API", "HTTP",
			"HTTPS", "JSON", "BOCOM", "CMBC", "PSBC", "CITIC", "HTML", "SMS", "IMSI", "ICCID", "UTC", "GMT", "CEIB",
			"SPDB", "CIB", "CBN", "GOIP", "POST");

	static final Pattern CODE = Pattern.compile("(?<![A-Za-z0-9_:-])[A-Z]+(?:_[A-Z]+)*(?![A-Za-z0-9_:-])");

	static final Pattern DEVELOPER_ENGLISH = Pattern
		.compile("\\b(must be|must not|expected \\d|got \\d|is required|not a |Exception|null)\\b"
				// three English words in a row: a sentence a developer wrote
				+ "|\\b[A-Za-z][a-z]+[:,]? [a-z]{2,}[:,]? [a-z]{2,}\\b");

	@Autowired
	MockMvc mvc;

	@Autowired
	Directory directory;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	String caseNumber;

	/** A SIM measure in force, for its page. */
	long measureId;

	@BeforeAll
	void demoData() throws Exception {
		var centre = user(directory.loadUserByUsername("centre"));
		MvcResult c = mvc
			.perform(post("/cases/new").with(centre)
				.with(csrf())
				.param("name", "王五")
				.param("idNumber", "11010519491231002X")
				.param("regionCode", "610113")
				.param("fraudType", "LOAN")
				.param("payerAccount", BankCardNumber.withLuhnDigit("622202000000000000"))
				.param("payeeName", "孙某")
				.param("payeeAccount", "CCB:M9")
				.param("payeeBank", "CCB")
				.param("amountYuan", "1,234.56")
				.param("suspectPhone", "17012340000")
				.param("paidAt", LocalDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(30).withNano(0).toString()))
			.andReturn();
		assertThat(c.getResponse().getStatus()).as(c.getResponse().getContentAsString()).isEqualTo(302);
		caseNumber = c.getResponse().getRedirectedUrl().substring("/cases/".length());

		// decisions with reasons: money fanned in and passed on
		Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(600);
		api("bank", "/api/v1/transfers/decisions/batch",
				"[" + transfer("P1", "ICBC:P1", "ICBC:R7", 10_000, t0) + ","
						+ transfer("P2", "ICBC:P2", "ICBC:R7", 10_000, t0.plusSeconds(60)) + ","
						+ transfer("P3", "ICBC:R7", "CCB:X", 19_000, t0.plusSeconds(120)) + "]");
		// a SIM measure with its reasons
		api("telecom", "/api/v1/sims/records",
				spree("13712340000", Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(2, ChronoUnit.HOURS)));
		String measures = mvc
			.perform(get("/api/v1/sims/measures").param("open", "true").with(httpBasic("telecom", DemoLogins.PASSWORD)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher measure = Pattern.compile("\\{\"id\":(\\d+),\"phone\":\"13712340000\"").matcher(measures);
		assertThat(measure.find()).as(measures).isTrue();
		measureId = Long.parseLong(measure.group(1));
		// a warning task with a fraud type, one without
		Instant t = Instant.now().minusSeconds(60);
		api("telecom", "/api/v1/warnings/signals",
				"[" + """
						{"kind":"CALL_FROM_FRAUD_NUMBER","personPhone":"13910000001","personName":"张某","region":"610113",\
						"at":"%s","fraudNumber":"17012345678","confidence":"CONFIRMED","callSeconds":600,"fraudType":"FAKE_POLICE"},\
						{"kind":"SMS_FROM_FRAUD_NUMBER","personPhone":"13910000002","personName":"李某","region":"610113",\
						"at":"%s","fraudNumber":"16512345678","confidence":"SUSPECTED"}"""
					.formatted(t, t) + "]");
		// reads of every kind land in the audit trail before the audit page is rendered
		for (String page : List.of("/warnings", "/telecom", "/telecom/measures/" + measureId, "/monitoring", "/cases",
				"/linking", "/cardcutting", "/funds/board")) {
			mvc.perform(get(page).with(centre)).andReturn();
		}
	}

	void api(String user, String path, String json) throws Exception {
		MvcResult r = mvc
			.perform(post(path).with(httpBasic(user, DemoLogins.PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content(json))
			.andReturn();
		assertThat(r.getResponse().getStatus()).as(path + " " + r.getResponse().getContentAsString()).isEqualTo(200);
	}

	static String transfer(String id, String from, String to, long fen, Instant at) {
		return "{\"transferId\":\"%s\",\"fromAccount\":\"%s\",\"toAccount\":\"%s\",\"amountFen\":%d,\"time\":\"%s\"}"
			.formatted(id, from, to, fen, at);
	}

	static String spree(String caller, Instant start) {
		StringBuilder b = new StringBuilder("[");
		long t = 0;
		for (int i = 0; i < 80; i++) {
			t += 20 + (i * 37) % 90;
			boolean answered = i % 7 == 0;
			b.append(i == 0 ? "" : ",")
				.append("""
						{"type":"CALL","caller":"%s","callee":"1%010d","time":"%s","durationSeconds":%d,"answered":%s,
						 "cell":"4601","imei":"8612%s","calleeRegion":"%s"}""".formatted(caller,
						3_700_000_000L + i * 7919L, start.plusSeconds(t), answered ? 12 : 0, answered, caller,
						i % 2 == 0 ? "610113" : "610502"));
		}
		return b.append("]").toString();
	}

	/** The console GET pages: handlers that render a view, outside the API. */
	Set<String> pages() {
		Set<String> out = new TreeSet<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
			RequestMappingInfo info = e.getKey();
			HandlerMethod h = e.getValue();
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)
					|| h.getReturnType().getParameterType() != String.class || h.hasMethodAnnotation(ResponseBody.class)
					|| h.getBeanType().isAnnotationPresent(ResponseBody.class)
					|| h.getBeanType().getPackageName().startsWith("org.springframework")
					|| h.getBeanType().getPackageName().startsWith("org.springdoc")) {
				continue;
			}
			for (String p : info.getPatternValues()) {
				if (!p.startsWith("/api") && !p.startsWith("/error")) {
					out.add(p);
				}
			}
		}
		return out;
	}

	/**
	 * Who may open a path: the first route that matches, else its area, else everyone
	 * signed in.
	 */
	static Set<Role> admitted(String path) {
		AntPathMatcher m = new AntPathMatcher();
		for (Route r : Route.values()) {
			if ((r.method() == null || r.method().equals("GET"))
					&& Arrays.stream(r.patterns()).anyMatch(p -> m.match(p, path))) {
				return EnumSet.copyOf(Arrays.stream(Role.values()).filter(r::admits).toList());
			}
		}
		for (Area a : Area.values()) {
			if (path.equals(a.consolePath()) || path.startsWith(a.consolePath() + "/")) {
				return a.roles();
			}
		}
		return EnumSet.allOf(Role.class);
	}

	@Test
	void everyPageForEveryRoleInBothLanguagesIsPlainLanguage() throws Exception {
		Set<String> pages = pages();
		assertThat(pages).contains("/", "/monitoring", "/telecom", "/telecom/measures/{id}", "/warnings", "/audit",
				"/cases/{caseNumber}");
		List<String> problems = new ArrayList<>();
		int rendered = 0;
		for (String pattern : pages) {
			if (SKIPPED.containsKey(pattern)) {
				continue;
			}
			String path = pattern.replace("{caseNumber}", caseNumber);
			if (pattern.equals("/telecom/measures/{id}")) {
				path = "/telecom/measures/" + measureId;
			}
			if (path.contains("{")) {
				problems.add(pattern + ": path variable not filled; fill it or list it in SKIPPED");
				continue;
			}
			for (Role role : admitted(path)) {
				if (REFUSED.contains(role + " " + pattern)) {
					continue;
				}
				var who = user(directory.loadUserByUsername(DemoLogins.USER_BY_ROLE.get(role)));
				for (String lang : List.of("zh-CN", "en")) {
					MvcResult r = mvc.perform(get(path).param("lang", lang).with(who)).andReturn();
					String where = role + " " + path + " [" + lang + "]: ";
					rendered++;
					int status = r.getResponse().getStatus();
					if (status != 200) {
						problems.add(where + "status " + status);
						continue;
					}
					problems.addAll(check(where, r.getResponse().getContentAsString(), lang.equals("zh-CN")));
				}
			}
		}
		assertThat(rendered).isGreaterThan(40);
		assertThat(problems).as(String.join("\n", problems)).isEmpty();
	}

	@Test
	void errorPagesAreChineseInTheLayoutAndTheApiKeepsProblemJson() throws Exception {
		var centre = user(directory.loadUserByUsername("centre"));
		MvcResult missing = mvc.perform(get("/no-such-page").with(centre).accept(MediaType.TEXT_HTML)).andReturn();
		assertThat(missing.getResponse().getStatus()).isEqualTo(404);
		String html = missing.getResponse().getContentAsString();
		assertThat(html).contains("id=\"error-404\"")
			.contains("页面不存在")
			.contains("id=\"sidenav\"")
			.doesNotContain("Whitelabel");
		MvcResult api = mvc
			.perform(get("/api/v1/cases/NO-SUCH").with(httpBasic("centre", DemoLogins.PASSWORD))
				.accept(MediaType.APPLICATION_JSON))
			.andReturn();
		assertThat(api.getResponse().getStatus()).isEqualTo(404);
		assertThat(api.getResponse().getContentType()).contains("json");
	}

	@Test
	void formErrorsNameTheFieldNotItsPath() throws Exception {
		var centre = user(directory.loadUserByUsername("centre"));
		MvcResult bad = mvc
			.perform(post("/cases/new").with(centre)
				.with(csrf())
				.param("name", "王五")
				.param("idNumber", "110105194912310021")
				.param("regionCode", "610113")
				.param("fraudType", "LOAN"))
			.andReturn();
		assertThat(bad.getResponse().getStatus()).isEqualTo(400);
		String html = bad.getResponse().getContentAsString();
		assertThat(html).contains("form-errors");
		assertThat(check("cases/new error: ", html, true)).isEmpty();
		assertThat(visible(html)).doesNotContain("victim.").doesNotContain("expected");
	}

	/**
	 * Agency codes (XA-AFC, XJTU) are names, not codes to translate; other tests in the
	 * context add agencies.
	 */
	List<String> check(String where, String html, boolean chinese) {
		Set<String> names = new TreeSet<>(ACRONYMS);
		directory.agencies().forEach(a -> names.addAll(Arrays.asList(a.code().split("-"))));
		List<String> problems = new ArrayList<>();
		String text = visible(html);
		if (html.contains("Whitelabel") || text.contains("There was an unexpected error")) {
			problems.add(where + "Whitelabel page");
		}
		Matcher missing = Pattern.compile("\\?\\?[^?\\s]+\\?\\?").matcher(html);
		while (missing.find()) {
			problems.add(where + "missing message " + missing.group());
		}
		Matcher code = CODE.matcher(text);
		Set<String> seen = new TreeSet<>();
		while (code.find()) {
			String c = code.group();
			if (c.replaceAll("[^A-Z]", "").length() >= 4 && !names.contains(c) && seen.add(c)) {
				problems.add(where + "code " + c + " in «" + around(text, code.start()) + "»");
			}
		}
		if (chinese) {
			Matcher en = DEVELOPER_ENGLISH.matcher(text);
			while (en.find()) {
				if (seen.add(en.group())) {
					problems.add(where + "English «" + around(text, en.start()) + "»");
				}
			}
		}
		return problems;
	}

	static String around(String text, int at) {
		return text.substring(Math.max(0, at - 30), Math.min(text.length(), at + 40)).replaceAll("\\s+", " ");
	}

	/**
	 * What a reader sees: no scripts, styles, tags or attributes; rule sources and their
	 * editor are code by nature.
	 */
	static String visible(String html) {
		return html.replaceAll("(?is)<(script|style|pre|textarea)\\b.*?</\\1>", " ")
			.replaceAll("(?s)<[^>]*>", " ")
			.replace("&nbsp;", " ")
			.replace("&amp;", "&")
			.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&quot;", "\"")
			.replace("&#39;", "'");
	}

}
