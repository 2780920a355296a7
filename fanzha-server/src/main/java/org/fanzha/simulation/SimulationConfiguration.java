package org.fanzha.simulation;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The simulated banks answer on a schedule. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SimulationConfiguration {

}
