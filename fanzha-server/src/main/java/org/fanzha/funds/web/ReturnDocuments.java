package org.fanzha.funds.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.fanzha.audit.PersonalData;
import org.fanzha.cases.CaseDetail;
import org.fanzha.core.Beijing;
import org.fanzha.core.IdNumber;
import org.fanzha.core.Money;
import org.fanzha.funds.ReturnControl;
import org.fanzha.funds.ReturnView;
import org.fanzha.identity.FanzhaPrincipal;
import org.fanzha.identity.Role;
import org.fanzha.platform.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The four documents of a return (DOMAIN §3): 返还申请表 (one per victim), 呈请返还资金报告书, 返还决定书
 * and 协助返还通知书, as printable HTML (the browser's print gives the PDF). Reading them is
 * reading the victims' personal data, so each is audited.
 */
@Controller
class ReturnDocuments {

	static final List<String> KINDS = List.of("application", "report", "decision", "notice");

	private final ReturnControl returns;

	ReturnDocuments(ReturnControl returns) {
		this.returns = returns;
	}

	/** One row per victim for the templates. */
	public record Row(String caseNumber, String name, String gender, String idNumber, String phone,
			String returnAccount, String loss, String amount, String basisItem) {
	}

	@PersonalData(value = "RETURN_DOCUMENT", purpose = "return round documents (victims, amounts)")
	@GetMapping("/funds/returns/{id}/documents/{kind}")
	String document(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable long id, @PathVariable String kind,
			Model model) {
		if (!KINDS.contains(kind)) {
			throw new NotFoundException("No document '" + kind + "'; there are " + KINDS);
		}
		if (!me.has(Role.CENTRE_OFFICER)) {
			throw new AccessDeniedException("return documents are the anti-fraud centre's");
		}
		ReturnControl.Documents d = returns.documents(id);
		List<Row> rows = new ArrayList<>();
		for (int i = 0; i < d.victims().size(); i++) {
			CaseDetail c = d.victims().get(i);
			ReturnView.Share s = d.round().shares().get(i);
			IdNumber idn = IdNumber.parse(c.victim().idNumber());
			rows.add(new Row(s.caseNumber(), c.victim().name(), idn.gender().name().equals("MALE") ? "男" : "女",
					idn.value(), c.victim().phone(), c.payments().isEmpty() ? "" : c.payments().get(0).payerAccount(),
					Money.ofFen(s.lossFen()).toString(), Money.ofFen(s.amountFen()).toString(),
					basis(d.round().basis())));
		}
		model.addAttribute("d", d);
		model.addAttribute("rows", rows);
		model.addAttribute("total", Money.ofFen(d.round().totalFen()).toString());
		model.addAttribute("frozen", Money.ofFen(d.round().frozenFen()).toString());
		model.addAttribute("remainder", Money.ofFen(d.round().remainderFen()).toString());
		model.addAttribute("zone", Beijing.ZONE);
		model.addAttribute("basisText", basis(d.round().basis()));
		return "funds/doc-" + kind;
	}

	/**
	 * The same documents as PDF with an embedded Chinese font (503 problem when the
	 * machine has none).
	 */
	@PersonalData(value = "RETURN_DOCUMENT", purpose = "return round documents (PDF)")
	@GetMapping(value = "/funds/returns/{id}/documents/{kind}.pdf")
	ResponseEntity<byte[]> pdf(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable long id,
			@PathVariable String kind, Model model) {
		String view = document(me, id, kind, model);
		String font = ReturnPdf.font();
		if (font == null) {
			throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
					"No Chinese font on this server (apt-get install fonts-wqy-microhei, or set FANZHA_CJK_FONT); "
							+ "print the HTML version instead");
		}
		@SuppressWarnings("unchecked")
		List<Row> rows = (List<Row>) model.getAttribute("rows");
		ReturnControl.Documents d = (ReturnControl.Documents) model.getAttribute("d");
		String number = d.freeze().documentNumber() + "-返" + d.round().round();
		List<String[]> table = new ArrayList<>();
		for (Row r : rows) {
			table.add(kind.equals("application")
					? new String[] { r.name(), r.gender(), r.idNumber(), r.phone(), r.returnAccount(), r.loss() }
					: new String[] { r.caseNumber(), r.name(), r.returnAccount(), r.loss(), r.amount() });
		}
		String[] header = kind.equals("application") ? new String[] { "被害人", "性别", "身份证号码", "联系方式", "返还账户", "被骗金额" }
				: new String[] { "案件编号", "被害人", "返还账户", "被骗金额", "返还金额" };
		String title = Map.of("application", "返还申请表", "report", "呈请返还资金报告书", "decision", "返还决定书", "notice", "协助返还通知书")
			.get(kind);
		String intro = "冻结账户 " + d.freeze().accountId() + "（" + d.freeze().institution() + "），冻结资金 "
				+ model.getAttribute("frozen") + "，冻结文书 " + d.freeze().documentNumber() + "。依据《电信网络新型违法犯罪案件冻结资金返还若干规定》"
				+ model.getAttribute("basisText") + "。";
		String closing = "返还合计 " + model.getAttribute("total") + "；剩余 " + model.getAttribute("remainder") + " 继续冻结。"
				+ (d.round().executeBy() == null ? "" : "请于 " + d.round().executeBy() + " 前（三个工作日内）办理完毕。");
		byte[] pdf = ReturnPdf.render(font, title, number, intro, header, table, closing, d.freeze().issuingUnit());
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header("Content-Disposition", "inline; filename=\"return-" + id + "-" + kind + ".pdf\"")
			.body(pdf);
	}

	static String basis(String basis) {
		return Map
			.of("SINGLE_DEPOSIT", "第八条第（一）项：冻结账户内仅有一笔汇（存）款，且能够认定系被害人被骗款项", "TIMESTAMPS",
					"第八条第（二）项：冻结账户内有多笔汇（存）款，能按照时间戳认定被害人被骗款项", "PRO_RATA", "第八条第（三）项：无法认定各被害人被骗款项的，按照被骗资金占冻结资金的比例返还")
			.getOrDefault(basis, basis);
	}

}
