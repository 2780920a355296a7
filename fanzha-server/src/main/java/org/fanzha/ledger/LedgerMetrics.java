package org.fanzha.ledger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The size of the in-memory ledger, for operators sizing the heap (it grows with every
 * transfer kept for tracing).
 */
@Configuration(proxyBeanMethods = false)
class LedgerMetrics {

	@Bean
	Gauge ledgerTransfers(MeterRegistry meters, TransferLedger ledger) {
		return Gauge.builder("fanzha.ledger.transfers", ledger, TransferLedger::transfers)
			.description("transfers held in memory for tracing")
			.register(meters);
	}

}
