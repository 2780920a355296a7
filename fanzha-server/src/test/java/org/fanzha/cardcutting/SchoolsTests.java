package org.fanzha.cardcutting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fanzha.core.Masking;
import org.fanzha.identity.AgencyType;
import org.fanzha.identity.Directory;
import org.fanzha.identity.NewUser;
import org.fanzha.identity.Role;
import org.fanzha.support.DemoLogins;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * SchoolDesk: a student's involvement reaches their school as a case; the school sees
 * only its own students (masked numbers), takes the case through warning, analysis,
 * education and discipline, records the parents' contact; the statistics count per
 * school; the centre's bulletins reach the schools they are addressed to.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SchoolsTests extends CardCuttingSupport {

	@Autowired
	MockMvc mvc;

	@Autowired
	Directory directory;

	@Autowired
	JdbcClient jdbc;

	@Override
	MockMvc mvc() {
		return mvc;
	}

	@BeforeEach
	void anotherSchool() {
		if (directory.agency("XJTU").isEmpty()) {
			directory.createAgency("XJTU", "西安交通大学", AgencyType.SCHOOL, "610113");
			directory.register(
					new NewUser("xjtu", DemoLogins.PASSWORD, "王老师（交大）", null, "XJTU", Set.of(Role.SCHOOL_OFFICER)));
		}
	}

	/** A student of the school with one card sold: the school's case id. */
	long student(String id, String school) throws Exception {
		ok(post("centre", "/api/v1/cardcutting/persons", """
				{"idNumber":"%s","name":"学生%s","phone":"13712345678","regionCode":"610113","school":"%s"}"""
			.formatted(id, id.substring(14, 17), school)));
		ok(post("centre", personPath(id) + "/involvements",
				"{\"kind\":\"BANK_CARD_SOLD\",\"reference\":\"CARD-" + id + "\",\"detail\":\"以500元出售本人银行卡\"}"));
		String cases = ok(get("centre", "/api/v1/schools/cases?school=" + school));
		Matcher m = Pattern.compile("\\{\"id\":(\\d+),\"idNumber\":\"" + id + "\"").matcher(cases);
		assertThat(m.find()).as(cases).isTrue();
		return Long.parseLong(m.group(1));
	}

	@Test
	void aSchoolSeesOnlyItsOwnStudentsWithMaskedNumbers() throws Exception {
		String ours = newId("610113");
		String theirs = newId("610113");
		long ourCase = student(ours, "NWU");
		long theirCase = student(theirs, "XJTU");
		String list = ok(get("school", "/api/v1/schools/cases"));
		assertThat(list).contains("\"idNumber\":\"" + Masking.mask(ours, 3, 4) + "\"")
			.contains("137****5678")
			.doesNotContain(ours)
			.doesNotContain(Masking.mask(theirs, 3, 4) + "\",\"name\":\"学生" + theirs.substring(14, 17))
			.doesNotContain("\"school\":\"XJTU\"");
		assertThat(ok(get("school", "/api/v1/schools/cases/" + ourCase))).contains("\"stage\":\"WARNING\"")
			.contains("以500元出售本人银行卡");
		assertThat(get("school", "/api/v1/schools/cases/" + theirCase).getResponse().getStatus()).isEqualTo(404);
		assertThat(post("school", "/api/v1/schools/cases/" + theirCase + "/advance",
				"{\"stage\":\"ANALYSIS\",\"note\":\"x\"}")
			.getResponse()
			.getStatus()).isEqualTo(404);
		// the centre sees whole numbers of both; the school's read is audited
		assertThat(ok(get("centre", "/api/v1/schools/cases"))).contains(ours).contains(theirs);
		int reads = jdbc
			.sql("""
					SELECT COUNT(*) FROM audit_entry WHERE action = 'READ' AND subject_type = 'STUDENT_CASE' AND actor = 'school'
					AND subject_ref LIKE ?""")
			.param(Masking.mask(ours, 3, 4) + " #%")
			.query(Integer.class)
			.single();
		assertThat(reads).isEqualTo(1);
		// schools do not see the persons' records nor the list
		assertThat(get("school", "/api/v1/cardcutting/persons").getResponse().getStatus()).isEqualTo(403);
	}

	@Test
	void theWorkflowGoesWarningAnalysisEducationDisciplineClosedWithTheParentsContacted() throws Exception {
		String id = newId("610113");
		long c = student(id, "NWU");
		String base = "/api/v1/schools/cases/" + c;
		MvcResult skip = post("school", base + "/advance", "{\"stage\":\"EDUCATION\",\"note\":\"直接教育\"}");
		assertThat(skip.getResponse().getStatus()).isEqualTo(409);
		assertThat(skip.getResponse().getContentAsString()).contains("WARNING cannot move to EDUCATION");
		assertThat(post("school", base + "/advance", "{\"stage\":\"ANALYSIS\"}").getResponse().getStatus())
			.isEqualTo(400);
		assertThat(
				post("centre", base + "/advance", "{\"stage\":\"ANALYSIS\",\"note\":\"x\"}").getResponse().getStatus())
			.isEqualTo(403);
		ok(post("school", base + "/advance", "{\"stage\":\"ANALYSIS\",\"note\":\"约谈本人，确认出售银行卡\"}"));
		String contacted = ok(post("school", base + "/parent-contact", "{\"note\":\"电话联系父亲\"}"));
		assertThat(contacted).contains("\"parentContactedAt\":").contains("电话联系父亲");
		ok(post("school", base + "/advance", "{\"stage\":\"EDUCATION\",\"note\":\"反诈专题教育\"}"));
		ok(post("school", base + "/advance", "{\"stage\":\"DISCIPLINE\",\"note\":\"警告处分\"}"));
		String closed = ok(post("school", base + "/advance", "{\"stage\":\"CLOSED\",\"note\":\"处理完毕\"}"));
		assertThat(closed).contains("\"stage\":\"CLOSED\"").contains("\"nextStages\":[]").contains("警告处分");
		assertThat(post("school", base + "/parent-contact", "{\"note\":\"x\"}").getResponse().getStatus())
			.isEqualTo(409);
		String stats = ok(get("school", "/api/v1/schools/statistics"));
		assertThat(stats).contains("\"school\":\"NWU\"").contains("\"schoolName\":\"西北大学\"").doesNotContain("XJTU");
		Matcher disciplined = Pattern.compile("\"disciplined\":(\\d+)").matcher(stats);
		assertThat(disciplined.find()).isTrue();
		assertThat(Integer.parseInt(disciplined.group(1))).isGreaterThanOrEqualTo(1);
		assertThat(ok(get("centre", "/api/v1/schools/statistics"))).contains("\"school\":\"NWU\"");
	}

	@Test
	void bulletinsReachTheSchoolsTheyAreAddressedTo() throws Exception {
		ok(post("centre", "/api/v1/schools/bulletins",
				"{\"title\":\"致西北大学：警惕出售银行卡\",\"body\":\"近期有学生出售银行卡被列入惩戒名单。\",\"schools\":[\"NWU\"]}"));
		ok(post("centre", "/api/v1/schools/bulletins",
				"{\"title\":\"致交大：兼职刷单骗局\",\"body\":\"刷单即诈骗。\",\"schools\":[\"XJTU\"]}"));
		ok(post("centre", "/api/v1/schools/bulletins", "{\"title\":\"全省高校：断卡行动\",\"body\":\"不出租出借两卡。\"}"));
		String nwu = ok(get("school", "/api/v1/schools/bulletins"));
		assertThat(nwu).contains("致西北大学").contains("全省高校").doesNotContain("致交大");
		assertThat(ok(get("xjtu", "/api/v1/schools/bulletins"))).contains("致交大").doesNotContain("致西北大学");
		assertThat(post("school", "/api/v1/schools/bulletins", "{\"title\":\"x\",\"body\":\"y\"}").getResponse()
			.getStatus()).isEqualTo(403);
		assertThat(post("centre", "/api/v1/schools/bulletins", "{\"title\":\"\",\"schools\":[\"NOPE\"]}").getResponse()
			.getContentAsString()).contains("\"title\"").contains("\"body\"").contains("\"schools\"");
		String page = ok(get("school", "/schools"));
		assertThat(page).contains("致西北大学").doesNotContain("致交大").doesNotContain("publish-bulletin");
		assertThat(ok(get("centre", "/schools"))).contains("publish-bulletin").contains("school-statistics");
	}

	@Test
	void theSchoolMovesACaseOnFromTheConsole() throws Exception {
		String id = newId("610113");
		long c = student(id, "NWU");
		assertThat(ok(get("school", "/schools"))).contains("id=\"case-" + c + "\"")
			.contains(Masking.mask(id, 3, 4))
			.doesNotContain(id);
		MvcResult r = mvc
			.perform(MockMvcRequestBuilders.post("/schools/cases/" + c + "/advance")
				.with(httpBasic("school", DemoLogins.PASSWORD))
				.with(csrf())
				.param("stage", "ANALYSIS")
				.param("note", "已约谈"))
			.andReturn();
		assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/schools");
		assertThat(ok(get("school", "/api/v1/schools/cases/" + c))).contains("\"stage\":\"ANALYSIS\"").contains("已约谈");
	}

}
