package org.fanzha.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.fanzha.core.BankCardNumber;
import org.fanzha.identity.Directory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The console's case pages: form with field errors, list with clocks, case page, plan
 * page, bank inbox.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CasePagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Directory directory;

	@Test
	void intakeFormListCaseAndPlanPages() throws Exception {
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
		assertThat(bad.getResponse().getContentAsString()).contains("form-errors").contains("victim.idNumber");

		MvcResult ok = mvc
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
				.param("paidAt", LocalDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(30).withNano(0).toString()))
			.andReturn();
		assertThat(ok.getResponse().getStatus()).isEqualTo(302);
		String page = ok.getResponse().getRedirectedUrl();
		assertThat(page).startsWith("/cases/XA-AFC-");
		String number = page.substring("/cases/".length());

		String list = mvc.perform(get("/cases").with(centre)).andReturn().getResponse().getContentAsString();
		assertThat(list).contains(number).contains("王*").contains("¥1,234.56");
		String detail = mvc.perform(get(page).with(centre)).andReturn().getResponse().getContentAsString();
		assertThat(detail).contains("11010519491231002X").contains("孙某").contains("/funds/cases/" + number);

		String plan = "";
		for (int i = 0; i < 50 && !plan.contains("data-status=\"PROPOSED\""); i++) {
			Thread.sleep(100);
			plan = mvc.perform(get("/funds/cases/" + number).with(centre))
				.andReturn()
				.getResponse()
				.getContentAsString();
		}
		assertThat(plan).contains("CCB:M9").contains("紧急止付").contains("confirm-plan").contains("flow-chart");
		assertThat(mvc.perform(get("/funds/cases/" + number).with(user(directory.loadUserByUsername("bank"))))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
		String inbox = mvc.perform(get("/funds").with(user(directory.loadUserByUsername("bank"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(inbox).contains("id=\"inbox\"").contains("ICBC");
	}

	@Test
	void aFailedIntakeKeepsWhatWasTypedAndASuccessSaysSo() throws Exception {
		var station = user(directory.loadUserByUsername("station"));
		String paidAt = LocalDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(20).withNano(0).withSecond(0).toString();
		MvcResult bad = mvc
			.perform(post("/cases/new").with(station)
				.with(csrf())
				.param("name", "赵六")
				.param("idNumber", "11010519491231002X")
				.param("regionCode", "610113")
				.param("fraudType", "INVESTMENT")
				.param("narrative", "网友拉入“鑫汇VIP”群，诱导在虚假平台充值")
				.param("payerAccount", "6222020000000000001")
				.param("payeeName", "钱某")
				.param("payeeAccount", "CCB:KEEP1")
				.param("payeeBank", "ccb")
				.param("amountYuan", "8,800")
				.param("paidAt", paidAt)
				.param("chatPlatform", "WECHAT", "QQ")
				.param("chatGroup", "鑫汇VIP", "")
				.param("cashOutKind", "ATM", "ATM")
				.param("cashOutPoint", "", "")
				.param("imPlatform", "QQ", "QQ")
				.param("imAccount", "", "")
				.param("fundInstitution", "", "")
				.param("fundAccount", "", "")
				.param("urls", "xinhui88.top\nbad site"))
			.andReturn();
		assertThat(bad.getResponse().getStatus()).isEqualTo(400);
		String page = bad.getResponse().getContentAsString();
		assertThat(page).contains("form-errors")
			.contains("data-field=\"payments[0].payeeBank\"")
			.contains("收款机构")
			.contains("data-field=\"suspects.urls[1]\"")
			.contains("网站/域名")
			.contains("缺失或格式不正确")
			.doesNotContain("??");
		// every field typed is back in the form
		assertThat(page).contains("网友拉入“鑫汇VIP”群，诱导在虚假平台充值</textarea>")
			.contains("value=\"钱某\"")
			.contains("value=\"CCB:KEEP1\"")
			.contains("value=\"ccb\"")
			.contains("value=\"8,800\"")
			.contains("value=\"" + paidAt + "\"")
			.contains("value=\"6222020000000000001\"")
			.contains("value=\"鑫汇VIP\"")
			.contains("xinhui88.top\nbad site</textarea>")
			.contains("<em class=\"req\">*</em>");

		MvcResult ok = mvc
			.perform(post("/cases/new").with(station)
				.with(csrf())
				.param("name", "赵六")
				.param("idNumber", "11010519491231002X")
				.param("regionCode", "610113")
				.param("fraudType", "INVESTMENT")
				.param("chatPlatform", "WECHAT", "QQ")
				.param("chatGroup", "鑫汇VIP", "")
				.param("cashOutKind", "ATM", "ATM")
				.param("cashOutPoint", "雁塔路 ATM 0291", "")
				.param("imPlatform", "QQ", "QQ")
				.param("imAccount", "99887766", "")
				.param("fundInstitution", "ALIPAY", "")
				.param("fundAccount", "2088000011112222", "")
				.param("urls", "xinhui88.top"))
			.andReturn();
		assertThat(ok.getResponse().getStatus()).as(ok.getResponse().getContentAsString()).isEqualTo(302);
		String detail = mvc.perform(get(ok.getResponse().getRedirectedUrl()).with(station).flashAttrs(ok.getFlashMap()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(detail).contains("id=\"created\"")
			.contains("报案已提交")
			.contains("聊天群组")
			.contains("微信")
			.contains("鑫汇VIP")
			.contains("取现点")
			.contains("ATM 取款机")
			.contains("雁塔路 ATM 0291")
			.contains("99887766")
			.contains("2088000011112222")
			.contains("并案依据")
			.contains("侦查线索")
			.doesNotContain("??");
	}

	@Test
	void aStationAddsAPaymentOnTheCasePageTheProcuratorOnlyReads() throws Exception {
		var station = user(directory.loadUserByUsername("station"));
		var procurator = user(directory.loadUserByUsername("procurator"));
		MvcResult ok = mvc
			.perform(post("/cases/new").with(station)
				.with(csrf())
				.param("name", "孙七")
				.param("idNumber", "11010519491231002X")
				.param("regionCode", "610113")
				.param("fraudType", "LOAN"))
			.andReturn();
		String page = ok.getResponse().getRedirectedUrl();
		String number = page.substring("/cases/".length());
		String before = mvc.perform(get(page).with(station)).andReturn().getResponse().getContentAsString();
		assertThat(before).contains("id=\"add-payment\"").contains("前须录入");

		String procuratorsView = mvc.perform(get(page).with(procurator)).andReturn().getResponse().getContentAsString();
		assertThat(procuratorsView).contains(number).doesNotContain("add-payment");
		MvcResult refused = mvc.perform(get("/cases/new").with(procurator)).andReturn();
		// refused by the security configuration; the Chinese error page itself is checked
		// in the browser test
		assertThat(refused.getResponse().getStatus()).isEqualTo(403);
		assertThat(refused.getResponse().getContentAsString()).doesNotContain("f-submit");
		assertThat(mvc
			.perform(post("/cases/new").with(procurator)
				.with(csrf())
				.param("name", "孙七")
				.param("idNumber", "11010519491231002X")
				.param("regionCode", "610113")
				.param("fraudType", "LOAN"))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
		String paidAt = LocalDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(5).withNano(0).withSecond(0).toString();
		assertThat(mvc
			.perform(post(page + "/payments").with(procurator)
				.with(csrf())
				.param("payerAccount", BankCardNumber.withLuhnDigit("622202000000000000"))
				.param("payeeName", "李某")
				.param("payeeAccount", "CCB:LATE1")
				.param("payeeBank", "CCB")
				.param("amountYuan", "500")
				.param("paidAt", paidAt))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);

		MvcResult wrong = mvc
			.perform(post(page + "/payments").with(station)
				.with(csrf())
				.param("payerAccount", BankCardNumber.withLuhnDigit("622202000000000000"))
				.param("payeeName", "李某")
				.param("payeeAccount", "CCB:LATE1")
				.param("payeeBank", "CCB")
				.param("amountYuan", "-5")
				.param("paidAt", paidAt))
			.andReturn();
		assertThat(wrong.getResponse().getStatus()).isEqualTo(400);
		assertThat(wrong.getResponse().getContentAsString()).contains("payment-errors").contains("value=\"CCB:LATE1\"");

		MvcResult added = mvc
			.perform(post(page + "/payments").with(station)
				.with(csrf())
				.param("payerAccount", BankCardNumber.withLuhnDigit("622202000000000000"))
				.param("payeeName", "李某")
				.param("payeeAccount", "CCB:LATE1")
				.param("payeeBank", "CCB")
				.param("amountYuan", "500")
				.param("paidAt", paidAt))
			.andReturn();
		assertThat(added.getResponse().getStatus()).isEqualTo(302);
		String after = mvc.perform(get(page).with(station).flashAttrs(added.getFlashMap()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		// the clock stopped: entered, no deadline any more
		assertThat(after).contains("CCB:LATE1")
			.contains("¥500.00")
			.contains("payment-added")
			.contains("已于")
			.doesNotContain("前须录入");
	}

	/**
	 * The forms' pickers: Shaanxi cities and counties by name with the counties as data
	 * for forms.js, banks by name; a failed intake keeps the city, the county, every
	 * payment row and its bank; two rows become two payments.
	 */
	@Test
	void pickersAndPaymentRowsKeepWhatWasChosen() throws Exception {
		var station = user(directory.loadUserByUsername("station"));
		String form = mvc.perform(get("/cases/new").with(station)).andReturn().getResponse().getContentAsString();
		assertThat(form).contains("id=\"f-city\"")
			.contains("<option value=\"610100\">西安市</option>")
			.contains("<option value=\"610800\">榆林市</option>")
			.contains("name=\"regionCode\" id=\"f-region\"")
			.contains("<option value=\"610113\">雁塔区</option>")
			.containsPattern("data-counties=\"\\{&quot;610100&quot;:\\[\\[&quot;610102&quot;,&quot;新城区&quot;\\]")
			.contains("<select name=\"payeeBank\" id=\"f-bank\"")
			.contains("<option value=\"ICBC\">中国工商银行</option>")
			.contains("<option value=\"PSBC\">中国邮政储蓄银行</option>")
			.contains("id=\"f-add-payment\"")
			.contains("/js/forms.js")
			.doesNotContain("??");

		String paidAt = LocalDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(20).withNano(0).withSecond(0).toString();
		String payer = BankCardNumber.withLuhnDigit("622202000000000000");
		// three rows, the middle one left empty; the third row's amount is words the
		// first time
		MvcResult bad = threeRows(station, payer, paidAt, "两千");
		assertThat(bad.getResponse().getStatus()).isEqualTo(400);
		String page = bad.getResponse().getContentAsString();
		// the empty middle row is left out of the payments but the error names the row
		// the officer sees
		assertThat(page).contains("data-field=\"payments[2].amountFen\"").contains("第 3 笔转账").doesNotContain("??");
		assertThat(page).contains("<option value=\"610100\" selected=\"selected\">西安市</option>")
			.contains("<option value=\"610113\" selected=\"selected\">雁塔区</option>")
			.contains("id=\"f-payee\" maxlength=\"40\" value=\"CCB:ROW1\"")
			.contains("id=\"f-payee-2\" maxlength=\"40\" value=\"ABC:ROW3\"")
			.contains("value=\"两千\"")
			.contains("value=\"T-ROW3\"")
			.contains("<option value=\"CCB\" selected=\"selected\">中国建设银行</option>")
			.contains("<option value=\"ABC\" selected=\"selected\">中国农业银行</option>");

		MvcResult ok = threeRows(station, payer, paidAt, "2,000");
		assertThat(ok.getResponse().getStatus()).as(ok.getResponse().getContentAsString()).isEqualTo(302);
		String detail = mvc.perform(get(ok.getResponse().getRedirectedUrl()).with(station).flashAttrs(ok.getFlashMap()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		// on the case page the region and the banks read as names
		assertThat(detail).contains("报案已提交")
			.contains("CCB:ROW1")
			.contains("ABC:ROW3")
			.contains("¥3,000.00")
			.contains(">西安市雁塔区</span>")
			.contains(">中国建设银行</td>")
			.contains(">中国农业银行</td>")
			.contains("<select name=\"payeeBank\" id=\"p-bank\"");

		// the case page's payment form keeps the chosen bank after an error
		MvcResult wrong = mvc
			.perform(post(ok.getResponse().getRedirectedUrl() + "/payments").with(station)
				.with(csrf())
				.param("payerAccount", payer)
				.param("payeeName", "丙某")
				.param("payeeAccount", "BOC:LATE2")
				.param("payeeBank", "BOC")
				.param("amountYuan", "-5")
				.param("paidAt", paidAt))
			.andReturn();
		assertThat(wrong.getResponse().getStatus()).isEqualTo(400);
		assertThat(wrong.getResponse().getContentAsString())
			.contains("<option value=\"BOC\" selected=\"selected\">中国银行</option>")
			.contains("value=\"BOC:LATE2\"");
	}

	MvcResult threeRows(RequestPostProcessor officer, String payer, String paidAt, String thirdAmount)
			throws Exception {
		return mvc
			.perform(post("/cases/new").with(officer)
				.with(csrf())
				.param("name", "钱九")
				.param("idNumber", "11010519491231002X")
				.param("regionCode", "610113")
				.param("fraudType", "INVESTMENT")
				.param("payerAccount", payer, "", payer)
				.param("payeeName", "甲某", "", "乙某")
				.param("payeeAccount", "CCB:ROW1", "", "ABC:ROW3")
				.param("payeeBank", "CCB", "", "ABC")
				.param("amountYuan", "1000", "", thirdAmount)
				.param("paidAt", paidAt, "", paidAt)
				.param("transferId", "", "", "T-ROW3"))
			.andReturn();
	}

	/**
	 * A region outside the picker's list (another province, through an older client) is
	 * kept as its own option.
	 */
	@Test
	void aRegionOutsideThePickerStaysAsItCame() throws Exception {
		var centre = user(directory.loadUserByUsername("centre"));
		String page = mvc
			.perform(post("/cases/new").with(centre)
				.with(csrf())
				.param("name", "")
				.param("idNumber", "11010519491231002X")
				.param("regionCode", "110105")
				.param("fraudType", "LOAN"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("<option value=\"110105\" selected>110105</option>")
			.contains("<option value=\"\">请选择城市</option>")
			.doesNotContain("<option value=\"610100\" selected");
	}

}
