package org.fanzha.cardcutting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fanzha.support.DemoLogins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * ID numbers never appear in a URL (browser history, proxy logs, Referer headers): the
 * card-cutting pages link to persons by their opaque id, forms that take an ID number
 * post it, and the old paths by ID number are gone.
 */
@SpringBootTest
@AutoConfigureMockMvc
class IdNumbersStayOutOfUrlsTests extends CardCuttingSupport {

	/**
	 * An 18-character ID number (17 digits and a digit or X check), anywhere in a link or
	 * form target.
	 */
	static final Pattern ID_IN_URL = Pattern.compile("(?i)(?:href|action|src)=\"([^\"]*\\d{17}[\\dX][^\"]*)\"");

	@Autowired
	MockMvc mvc;

	@Override
	MockMvc mvc() {
		return mvc;
	}

	@Test
	void noPageLinksToAUrlWithAnIdNumber() throws Exception {
		String id = newId("610113");
		long listing = proposed(id, "610113", "NWU");
		String pid = personId(id);
		assertThat(pid).doesNotContain(id);
		for (String path : List.of("/cardcutting", "/cardcutting/persons/" + pid, "/cardcutting/listings/" + listing,
				"/schools")) {
			String html = ok(get("centre", path));
			assertThat(idUrls(html)).as("centre " + path).isEmpty();
		}
		// the page shows the number, and links to the person by the opaque id
		String list = ok(get("centre", "/cardcutting"));
		assertThat(list).contains(id).contains("href=\"/cardcutting/persons/" + pid + "\"");
		assertThat(ok(get("centre", "/cardcutting/listings/" + listing)))
			.contains("href=\"/cardcutting/persons/" + pid + "\"");
		// a school officer sees the student cases only (the card-cutting pages are the
		// police's, banks' and operators')
		assertThat(idUrls(ok(get("school", "/schools")))).as("school /schools").isEmpty();
		assertThat(get("school", "/cardcutting").getResponse().getStatus()).isEqualTo(403);
		assertThat(idUrls(ok(get("station", "/cardcutting")))).as("station /cardcutting").isEmpty();
	}

	@Test
	void apiResponsesAndRedirectsCarryNoUrlWithAnIdNumber() throws Exception {
		String id = newId("610113");
		proposed(id, "610113", null);
		for (String path : List.of("/api/v1/cardcutting/persons", personPath(id), "/api/v1/cardcutting/listings")) {
			MvcResult r = get("centre", path);
			assertThat(ok(r)).as(path)
				.doesNotContainPattern("/persons/\\d{17}[\\dX]")
				.doesNotContainPattern("/disciplinary-list/\\d{17}[\\dX]");
			assertThat(r.getResponse().getHeader("Location")).isNull();
		}
		// the console's registration redirects to the new person by its opaque id
		String other = newId("610113");
		MvcResult registered = mvc
			.perform(MockMvcRequestBuilders.post("/cardcutting/persons")
				.with(httpBasic("centre", DemoLogins.PASSWORD))
				.with(csrf())
				.param("idNumber", other)
				.param("name", "冯某")
				.param("regionCode", "610113"))
			.andReturn();
		assertThat(registered.getResponse().getRedirectedUrl()).isEqualTo("/cardcutting/persons/" + personId(other))
			.doesNotContain(other);
	}

	@Test
	void theOldPathsByIdNumberAreGone() throws Exception {
		String id = newId("610113");
		proposed(id, "610113", null);
		assertThat(get("centre", "/cardcutting/persons/" + id).getResponse().getStatus()).isEqualTo(404);
		assertThat(get("centre", "/api/v1/cardcutting/persons/" + id).getResponse().getStatus()).isEqualTo(404);
		assertThat(get("bank", "/api/v1/cardcutting/disciplinary-list/" + id).getResponse().getStatus()).isEqualTo(404);
		// the query form no longer reads an ID number from the URL
		assertThat(ok(get("bank", "/cardcutting?idNumber=" + id))).doesNotContain("cc-answer");
		// the language switch on an answer (a GET of the address the form posted to) goes
		// back to the page
		assertThat(get("bank", "/cardcutting/query?lang=en").getResponse().getRedirectedUrl())
			.isEqualTo("/cardcutting");
		// by the opaque id the person is found, and the check by body answers
		assertThat(ok(get("centre", personPath(id)))).contains("\"idNumber\":\"" + id + "\"");
		assertThat(ok(check("bank", id))).contains("\"listed\":false");
	}

	static List<String> idUrls(String html) {
		List<String> found = new ArrayList<>();
		Matcher m = ID_IN_URL.matcher(html);
		while (m.find()) {
			found.add(m.group(1));
		}
		return found;
	}

}
