package fr.cnam.aam.contracting.api;

import java.util.List;

public record ContractList(List<ContractView> contracts, long total, int page, int size) {
}
