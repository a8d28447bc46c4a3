package fr.cnam.aam.kernel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TypedIdTest {

    @Test
    void prefixesTheAggregateTypeOnce() {
        assertThat(TypedId.of("Contract", "abc-1")).isEqualTo("Contract:abc-1");
        assertThat(TypedId.of("Contract", "Contract:abc-1")).isEqualTo("Contract:abc-1");
        assertThat(TypedId.newId("Contract")).startsWith("Contract:").hasSize("Contract:".length() + 36);
    }

    @Test
    void rejectsBlankOrUnsafeIdentifiers() {
        assertThatThrownBy(() -> TypedId.of("Contract", " ")).isInstanceOf(BusinessRuleViolation.class);
        assertThatThrownBy(() -> TypedId.of("Contract", "a/b")).isInstanceOf(BusinessRuleViolation.class);
        assertThatThrownBy(() -> TypedId.of("Contract", "Other:x")).isInstanceOf(BusinessRuleViolation.class);
    }

    @Test
    void anIdIsOfTheTypeItsPrefixNames() {
        assertThat(TypedId.isOf("CollectiveContract", "CollectiveContract:g-1")).isTrue();
        assertThat(TypedId.isOf("Contract", "CollectiveContract:g-1")).isFalse();
        assertThat(TypedId.isOf("Contract", null)).isFalse();
    }
}
