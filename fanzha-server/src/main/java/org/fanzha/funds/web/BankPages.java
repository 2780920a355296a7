package org.fanzha.funds.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.fanzha.audit.PersonalData;
import org.fanzha.funds.BankGateway;
import org.fanzha.funds.FreezeControl;
import org.fanzha.funds.FreezeView;
import org.fanzha.funds.FundControl;
import org.fanzha.funds.InstructionView;
import org.fanzha.funds.MuleReview;
import org.fanzha.funds.QueryControl;
import org.fanzha.funds.ReturnControl;
import org.fanzha.funds.ReturnView;
import org.fanzha.funds.Workflows.FreezeStatus;
import org.fanzha.funds.Workflows.QueryStatus;
import org.fanzha.funds.Workflows.StopStatus;
import org.fanzha.identity.FanzhaPrincipal;
import org.fanzha.identity.Role;
import org.fanzha.ledger.StatementRow;
import org.fanzha.ledger.Statements;
import org.fanzha.platform.ConflictException;
import org.fanzha.platform.InvalidFieldsException;
import org.fanzha.platform.NotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Console: the bank's inbox — stops, queries, freezes and returns waiting for it, each
 * with its deadline — and the answer forms, through the same services as the bank gateway
 * API. Each form carries an answer id made when it was drawn, so a second submit of the
 * same form is the same answer (the gateway takes it once).
 */
@Controller
class BankPages {

	private final FundControl funds;

	private final FreezeControl freezes;

	private final ReturnControl returns;

	private final QueryControl queries;

	private final MuleReview mules;

	private final ConsoleText text;

	private final Clock clock;

	BankPages(FundControl funds, FreezeControl freezes, ReturnControl returns, QueryControl queries, MuleReview mules,
			ConsoleText text, Clock clock) {
		this.funds = funds;
		this.freezes = freezes;
		this.returns = returns;
		this.queries = queries;
		this.mules = mules;
		this.text = text;
		this.clock = clock;
	}

	/**
	 * A freeze with the stop it came from (the holder's name and account number are on
	 * the stop).
	 */
	record FreezeItem(FreezeView freeze, InstructionView stop) {
	}

	/** A decided return with its freeze (the account the money is paid from). */
	record ReturnItem(ReturnView round, FreezeView freeze) {
	}

	@PersonalData(value = "BANK_INBOX", purpose = "console: funds inbox")
	@GetMapping("/funds")
	String inbox(@AuthenticationPrincipal FanzhaPrincipal me, @RequestParam(defaultValue = "stop") String tab,
			Model model) {
		if (me.has(Role.BANK_OFFICER)) {
			String bank = me.institution();
			List<InstructionView> stops = funds.forBank(bank, StopStatus.ISSUED);
			List<QueryControl.QueryView> qs = queries.forBank(bank, QueryStatus.REQUESTED);
			List<FreezeItem> fs = freezes.forBank(bank, FreezeStatus.REQUESTED)
				.stream()
				.map(f -> new FreezeItem(f, funds.byId(f.instructionId()).orElse(null)))
				.toList();
			List<ReturnItem> rs = returns.forBank(bank)
				.stream()
				.map(r -> new ReturnItem(r, freezes.byId(r.freezeId()).orElseThrow()))
				.toList();
			model.addAttribute("bank", bank);
			model.addAttribute("tab", List.of("stop", "query", "freeze", "return").contains(tab) ? tab : "stop");
			model.addAttribute("waiting", stops);
			model.addAttribute("queries", qs);
			model.addAttribute("freezeItems", fs);
			model.addAttribute("returnItems", rs);
			model.addAttribute("counts",
					Map.of("stop", stops.size(), "query", qs.size(), "freeze", fs.size(), "return", rs.size()));
			// one fresh answer id per form drawn: a resubmitted form repeats its answer,
			// a new form is a new one
			Map<String, String> ids = new LinkedHashMap<>();
			stops.forEach(i -> ids.put("stop-" + i.id(), UUID.randomUUID().toString()));
			qs.forEach(q -> ids.put("query-" + q.id(), UUID.randomUUID().toString()));
			fs.forEach(f -> ids.put("freeze-" + f.freeze().id(), UUID.randomUUID().toString()));
			rs.forEach(r -> ids.put("return-" + r.round().id(), UUID.randomUUID().toString()));
			model.addAttribute("answerIds", ids);
			model.addAttribute("candidates", mules.open(bank, 50));
		}
		if (me.has(Role.CENTRE_OFFICER)) {
			model.addAttribute("expiring", freezes.expiring(15));
			model.addAttribute("candidates", mules.open(null, 50));
		}
		model.addAttribute("now", clock.instant());
		model.addAttribute("zone", ConsoleText.BEIJING);
		return "funds/inbox";
	}

	@PostMapping("/funds/stops/{id}/answer")
	String answerStop(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable long id,
			@RequestParam(required = false) String answerId, @RequestParam(required = false) String result,
			@RequestParam(required = false) String stopped, @RequestParam(required = false) String reason,
			@RequestParam(required = false) List<String> onwardAccount,
			@RequestParam(required = false) List<String> onwardBank,
			@RequestParam(required = false) List<String> onwardName,
			@RequestParam(required = false) List<String> onwardAmount,
			@RequestParam(required = false) List<String> onwardTime,
			@RequestParam(required = false) MultipartFile statement, RedirectAttributes flash) throws IOException {
		String bank = me.institution();
		InstructionView v = funds.byId(id)
			.filter(i -> i.institution().equals(bank))
			.orElseThrow(() -> new NotFoundException("No stop instruction " + id + " for " + bank));
		try {
			FundControl.Result r = parse(FundControl.Result.class, result);
			Long stoppedFen = r == FundControl.Result.PARTIALLY_EXECUTED ? ConsoleText.fen(stopped, "stoppedFen")
					: null;
			if (r == FundControl.Result.PARTIALLY_EXECUTED && stoppedFen == null) {
				throw new InvalidFieldsException(Map.of("stoppedFen", "required"));
			}
			List<FundControl.Onward> onward = r == FundControl.Result.REJECTED ? List.of()
					: onward(onwardAccount, onwardBank, onwardName, onwardAmount, onwardTime);
			List<StatementRow> rows = r == FundControl.Result.REJECTED ? List.of() : statement(statement);
			funds.answer(bank, id, answerId, r, stoppedFen, r == FundControl.Result.REJECTED ? reason : null, onward,
					rows, me.username());
			flash.addFlashAttribute("notice", text.text("funds.answered.stop", v.accountId(),
					text.text("funds.result." + r.name()), rows.size(), onward.size()));
		}
		catch (InvalidFieldsException | ConflictException e) {
			flash.addFlashAttribute("error", text.explain(e));
		}
		return "redirect:/funds?tab=stop";
	}

	@PostMapping("/funds/queries/{id}/answer")
	String answerQuery(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable long id,
			@RequestParam(required = false) String answerId, @RequestParam(required = false) String balance,
			@RequestParam(required = false) MultipartFile statement, RedirectAttributes flash) throws IOException {
		String bank = me.institution();
		QueryControl.QueryView q = queries.byId(id)
			.filter(x -> x.institution().equals(bank))
			.orElseThrow(() -> new NotFoundException("No fund query " + id + " for " + bank));
		try {
			List<StatementRow> rows = statement(statement);
			queries.answer(bank, id, answerId, ConsoleText.fen(balance, "balanceFen"), rows, me.username());
			flash.addFlashAttribute("notice", text.text("funds.answered.query", q.accountId(), rows.size()));
		}
		catch (InvalidFieldsException | ConflictException e) {
			flash.addFlashAttribute("error", text.explain(e));
		}
		return "redirect:/funds?tab=query";
	}

	@PostMapping("/funds/freezes/{id}/answer")
	String answerFreeze(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable long id,
			@RequestParam(required = false) String answerId, @RequestParam(required = false) String result,
			@RequestParam(required = false) String frozen, @RequestParam(required = false) String reason,
			RedirectAttributes flash) {
		String bank = me.institution();
		FreezeView f = freezes.byId(id)
			.filter(x -> x.institution().equals(bank))
			.orElseThrow(() -> new NotFoundException("No freeze " + id + " for " + bank));
		try {
			FreezeControl.BankResult r = parse(FreezeControl.BankResult.class, result);
			Long fen = r == FreezeControl.BankResult.FROZEN ? ConsoleText.fen(frozen, "frozenFen") : null;
			freezes.answer(bank, id, answerId, r, fen, r == FreezeControl.BankResult.REJECTED ? reason : null,
					me.username());
			flash.addFlashAttribute("notice",
					text.text("funds.answered.freeze", f.accountId(), text.text("funds.freeze.status." + r.name())));
		}
		catch (InvalidFieldsException | ConflictException e) {
			flash.addFlashAttribute("error", text.explain(e));
		}
		return "redirect:/funds?tab=freeze";
	}

	@PostMapping("/funds/returns/{id}/executed")
	String returned(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable long id,
			@RequestParam(required = false) String answerId, RedirectAttributes flash) {
		String bank = me.institution();
		ReturnView r = returns.byId(id)
			.filter(x -> freezes.byId(x.freezeId()).map(f -> f.institution().equals(bank)).orElse(false))
			.orElseThrow(() -> new NotFoundException("No return round " + id + " for " + bank));
		try {
			returns.executed(bank, id, answerId, me.username());
			flash.addFlashAttribute("notice", text.text("funds.answered.return", r.round(), yuan(r.totalFen())));
		}
		catch (InvalidFieldsException | ConflictException e) {
			flash.addFlashAttribute("error", text.explain(e));
		}
		return "redirect:/funds?tab=return";
	}

	/** An instruction's history, for the bank it is addressed to and for the centre. */
	@PersonalData(value = "STOP_PLAN", purpose = "console: instruction history")
	@GetMapping("/funds/history/{type}/{id}")
	String history(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable String type, @PathVariable long id,
			Model model) {
		BankGateway.Type t = switch (type) {
			case "stop" -> BankGateway.Type.STOP;
			case "query" -> BankGateway.Type.QUERY;
			case "freeze" -> BankGateway.Type.FREEZE;
			case "return" -> BankGateway.Type.RETURN;
			default -> throw new NotFoundException("No instruction type " + type);
		};
		String owner = switch (t) {
			case STOP -> funds.byId(id).map(InstructionView::institution).orElse(null);
			case QUERY -> queries.byId(id).map(QueryControl.QueryView::institution).orElse(null);
			case FREEZE -> freezes.byId(id).map(FreezeView::institution).orElse(null);
			case RETURN ->
				returns.byId(id).flatMap(r -> freezes.byId(r.freezeId())).map(FreezeView::institution).orElse(null);
		};
		// another bank's instruction does not exist for a bank
		if (owner == null || (!me.has(Role.CENTRE_OFFICER) && !owner.equals(me.institution()))) {
			throw new NotFoundException("No " + type + " " + id);
		}
		List<String[]> rows = switch (t) {
			case STOP -> funds.history(id);
			case QUERY -> queries.history(id);
			case FREEZE -> freezes.history(id);
			case RETURN -> returns.history(id);
		};
		List<String[]> shown = new ArrayList<>();
		for (String[] r : rows) {
			Instant at = Instant.parse(r[0]);
			shown.add(new String[] { ConsoleText.SECONDS.format(at), text.text("funds." + type + ".status." + r[1]),
					actor(r[2]), HistoryText.detail(text, r[3]) });
		}
		model.addAttribute("type", type);
		model.addAttribute("id", id);
		model.addAttribute("rows", shown);
		return "funds/history";
	}

	private String actor(String actor) {
		return actor == null ? "" : switch (actor) {
			case "system" -> text.text("funds.actor.system");
			case "auto-issue policy" -> text.text("funds.actor.auto");
			default -> actor;
		};
	}

	static String yuan(long fen) {
		return "¥" + String.format("%,.2f", fen / 100.0);
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value) {
		try {
			return Enum.valueOf(type, value == null ? "" : value);
		}
		catch (IllegalArgumentException e) {
			throw new InvalidFieldsException(Map.of("result", "choose one"));
		}
	}

	/** The onward-transfer rows the officer filled in (an empty row is no row). */
	private static List<FundControl.Onward> onward(List<String> account, List<String> bank, List<String> name,
			List<String> amount, List<String> time) {
		List<FundControl.Onward> out = new ArrayList<>();
		int n = account == null ? 0 : account.size();
		for (int i = 0; i < n; i++) {
			String a = at(account, i), b = at(bank, i), p = at(name, i), m = at(amount, i), t = at(time, i);
			if (a.isBlank() && b.isBlank() && p.isBlank() && m.isBlank() && t.isBlank()) {
				continue;
			}
			out.add(new FundControl.Onward(null, a.strip(), b.strip().toUpperCase(Locale.ROOT), p.strip(),
					ConsoleText.fen(m, "onward[" + i + "].amountFen"),
					t.isBlank() ? null : ConsoleText.beijing(t, "onward[" + i + "].time")));
		}
		return out;
	}

	private static String at(List<String> values, int i) {
		return values == null || i >= values.size() || values.get(i) == null ? "" : values.get(i);
	}

	/** The uploaded statement, parsed (CSV or xlsx); none uploaded is no rows. */
	private static List<StatementRow> statement(MultipartFile file) throws IOException {
		if (file == null || file.isEmpty()) {
			return List.of();
		}
		return Statements.parse(file.getOriginalFilename(), file.getBytes());
	}

}
