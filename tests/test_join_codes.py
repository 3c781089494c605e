"""Short join codes: made from the right alphabet, read back however they are typed."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from models.join_codes import ALPHABET, LENGTH, grouped, new_join_code, normalise


def test_a_new_code_is_eight_unambiguous_characters():
    code = new_join_code()
    assert len(code) == LENGTH and set(code) <= set(ALPHABET)
    assert not set(code) & set("ILOU")
    assert len({new_join_code() for _ in range(200)}) == 200


def test_typing_is_forgiving():
    assert grouped("7K3MQ9TX") == "7K3M-Q9TX"
    for typed in ("7K3M-Q9TX", "7k3m-q9tx", "7K3M Q9TX", "7k3mq9tx"):
        assert normalise(typed) == "7K3MQ9TX"
    assert normalise("1O1O-ILIL") == "10101111"


def test_what_cannot_be_a_code_is_refused():
    for typed in ("", "7K3M", "7K3M-Q9TX-AB", "7K3M_Q9TX", "UUUU-UUUU", "-7K3MQ9TX", "a" * 100):
        assert normalise(typed) is None, typed


@given(st.text(alphabet=ALPHABET, min_size=LENGTH, max_size=LENGTH))
def test_every_grouped_code_reads_back(code):
    assert normalise(grouped(code)) == code
    assert normalise(grouped(code).lower()) == code
