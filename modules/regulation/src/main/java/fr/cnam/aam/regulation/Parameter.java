package fr.cnam.aam.regulation;

import java.util.List;

public record Parameter(String name, String description, String unit, List<ParameterValue> values) {
}
