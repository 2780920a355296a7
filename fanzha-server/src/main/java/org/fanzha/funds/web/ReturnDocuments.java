package org.fanzha.funds.web;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.fanzha.cases.CaseDetail;
import org.fanzha.core.IdNumber;
import org.fanzha.core.Money;
import org.fanzha.funds.ReturnControl;
import org.fanzha.funds.ReturnView;
import org.fanzha.identity.FanzhaPrincipal;
import org.fanzha.identity.Role;
import org.fanzha.platform.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The four documents of a return (DOMAIN §3): 返还申请表 (one per victim), 呈请返还资金报告书, 返还决定书 and
 * 协助返还通知书, as printable HTML (the browser's print gives the PDF). Reading them is reading the victims'
 * personal data, so each is audited.
 */
@Controller
class ReturnDocuments {

	static final List<String> KINDS = List.of("application", "report", "decision", "notice");

	private final ReturnControl returns;

	ReturnDocuments(ReturnControl returns) {
		this.returns = returns;
	}

	/** One row per victim for the templates. */
	public record Row(String caseNumber, String name, String gender, String idNumber, String phone, String returnAccount,
			String loss, String amount, String basisItem) {
	}

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
					Money.ofFen(s.lossFen()).toString(), Money.ofFen(s.amountFen()).toString(), basis(d.round().basis())));
		}
		model.addAttribute("d", d);
		model.addAttribute("rows", rows);
		model.addAttribute("total", Money.ofFen(d.round().totalFen()).toString());
		model.addAttribute("frozen", Money.ofFen(d.round().frozenFen()).toString());
		model.addAttribute("remainder", Money.ofFen(d.round().remainderFen()).toString());
		model.addAttribute("zone", ZoneOffset.ofHours(8));
		model.addAttribute("basisText", basis(d.round().basis()));
		return "funds/doc-" + kind;
	}

	static String basis(String basis) {
		return Map.of("SINGLE_DEPOSIT", "第八条第（一）项：冻结账户内仅有一笔汇（存）款，且能够认定系被害人被骗款项",
				"TIMESTAMPS", "第八条第（二）项：冻结账户内有多笔汇（存）款，能按照时间戳认定被害人被骗款项",
				"PRO_RATA", "第八条第（三）项：无法认定各被害人被骗款项的，按照被骗资金占冻结资金的比例返还").getOrDefault(basis, basis);
	}
}
