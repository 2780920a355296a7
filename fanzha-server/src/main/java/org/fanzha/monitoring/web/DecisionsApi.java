package org.fanzha.monitoring.web;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.fanzha.identity.FanzhaPrincipal;
import org.fanzha.monitoring.Decision;
import org.fanzha.monitoring.TransferScreening;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Banks send transfers and get decisions within the request: one, or a batch of up to
 * 1,000.
 */
@RestController
@Tag(name = "Monitoring", description = "Transfer decisions for banks")
class DecisionsApi {

	private final TransferScreening decisions;

	DecisionsApi(TransferScreening decisions) {
		this.decisions = decisions;
	}

	@PostMapping("/api/v1/transfers/decisions")
	@Operation(summary = "Decide on one transfer")
	Decision one(@AuthenticationPrincipal FanzhaPrincipal me, @RequestBody TransferScreening.TransferIn transfer) {
		return decisions.decide(bank(me), List.of(transfer)).get(0);
	}

	@PostMapping("/api/v1/transfers/decisions/batch")
	@Operation(summary = "Decide on a batch of transfers, in order")
	List<Decision> batch(@AuthenticationPrincipal FanzhaPrincipal me,
			@RequestBody List<TransferScreening.TransferIn> transfers) {
		return decisions.decide(bank(me), transfers);
	}

	@PostMapping("/api/v1/transfers/accounts")
	@Operation(summary = "Declare this bank's accounts (holder, card number, opening balance) for tracing")
	Map<String, Integer> accounts(@AuthenticationPrincipal FanzhaPrincipal me,
			@RequestBody List<TransferScreening.AccountIn> accounts) {
		decisions.declareAccounts(bank(me), accounts);
		return Map.of("declared", accounts.size());
	}

	static String bank(FanzhaPrincipal me) {
		return me.institution(); // only banks reach here (identity.Route.BANK_DECISIONS)
	}

}
