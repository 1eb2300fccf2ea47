"""Tests of the independent verifier: RFC 6962 vectors, and real files from the ledger."""

import json
import os
import pathlib
import subprocess

import pytest

import ledger_verifier as v

LEAVES = [b"", b"\x00", b"\x10", b"\x20\x21", b"\x30\x31", b"\x40\x41\x42\x43",
          bytes(range(0x50, 0x58)), bytes(range(0x60, 0x70))]
ROOT_8 = "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"


def mth(hashes):
    """The RFC 6962 tree hash over leaf hashes, straight from the definition."""
    if len(hashes) == 1:
        return hashes[0]
    k = 1
    while k * 2 < len(hashes):
        k *= 2
    return v.node_hash(mth(hashes[:k]), mth(hashes[k:]))


def path(m, hashes):
    if len(hashes) == 1:
        return []
    k = 1
    while k * 2 < len(hashes):
        k *= 2
    if m < k:
        return path(m, hashes[:k]) + [mth(hashes[k:])]
    return path(m - k, hashes[k:]) + [mth(hashes[:k])]


def subproof(m, hashes, complete):
    n = len(hashes)
    if m == n:
        return [] if complete else [mth(hashes)]
    k = 1
    while k * 2 < n:
        k *= 2
    if m <= k:
        return subproof(m, hashes[:k], complete) + [mth(hashes[k:])]
    return subproof(m - k, hashes[k:], False) + [mth(hashes[:k])]


def test_the_reference_root_of_eight_leaves():
    assert mth([v.leaf_hash(leaf) for leaf in LEAVES]).hex() == ROOT_8


def test_every_inclusion_and_consistency_proof_of_small_trees_verifies():
    hashes = [v.leaf_hash(bytes([i])) for i in range(33)]
    for n in range(1, 34):
        root = mth(hashes[:n])
        for m in range(n):
            proof = path(m, hashes[:n])
            assert v.verify_inclusion(hashes[m], m, n, proof, root)
            assert not v.verify_inclusion(hashes[m], m, n, proof, v.leaf_hash(b"other"))
        for m in range(1, n + 1):
            proof = subproof(m, hashes[:n], True) if m < n else []
            assert v.verify_consistency(m, n, proof, mth(hashes[:m]), root)
            if m < n:
                assert not v.verify_consistency(m, n, proof, v.leaf_hash(b"forked"), root)


LEDGER = os.environ.get("LEDGER_BIN")


@pytest.fixture
def published(tmp_path):
    """A demo ledger, a key pair, a checkpoint, more events and a second checkpoint."""
    if not LEDGER:
        pytest.fail("set LEDGER_BIN to the built ledger binary (.ci/run does)")
    db = str(tmp_path / "demo.sqlite")

    def ledger(*args, stdin=None):
        return subprocess.run([LEDGER, *args], input=stdin, capture_output=True, text=True, check=True).stdout

    ledger("demo", "--db", db)
    key = str(tmp_path / "ops.key")
    ledger("keygen", key, "--name", "ledger.test")
    (tmp_path / "old.txt").write_text(ledger("checkpoint", "--db", db, "--key", key))
    event = '{"type":"OrganizationEnrolled","effective":"2021-01-01","org":"woodgrove","name":"Woodgrove"}\n'
    ledger("append", "--db", db, stdin=event)
    (tmp_path / "new.txt").write_text(ledger("checkpoint", "--db", db, "--key", key))
    (tmp_path / "inclusion.json").write_text(
        ledger("prove", "demo-031", "--db", db, "--checkpoint", str(tmp_path / "new.txt")))
    (tmp_path / "consistency.json").write_text(ledger(
        "prove", "--consistency-from", str(tmp_path / "old.txt"), "--checkpoint", str(tmp_path / "new.txt"),
        "--db", db))
    return tmp_path


def run(*args):
    return v.main([str(a) for a in args])


def test_the_ledgers_checkpoints_and_proofs_verify_independently(published):
    key = published / "ops.key.pub"
    assert run("checkpoint", published / "old.txt", "--key", key) == 0
    assert run("inclusion", published / "inclusion.json", "--checkpoint", published / "new.txt", "--key", key) == 0
    assert run("consistency", published / "consistency.json", "--old", published / "old.txt",
               "--new", published / "new.txt", "--key", key) == 0


def test_an_altered_checkpoint_proof_or_key_fails(published, capsys):
    key = published / "ops.key.pub"
    note = (published / "new.txt").read_text()
    lines = note.split("\n")
    lines[1] = str(int(lines[1]) + 1)
    (published / "altered.txt").write_text("\n".join(lines))
    assert run("checkpoint", published / "altered.txt", "--key", key) == 1
    assert "no valid signature" in capsys.readouterr().err

    proof = json.loads((published / "inclusion.json").read_text())
    proof["leafIndex"] += 1
    (published / "bad-inclusion.json").write_text(json.dumps(proof))
    assert run("inclusion", published / "bad-inclusion.json", "--checkpoint", published / "new.txt", "--key", key) == 1

    consistency = json.loads((published / "consistency.json").read_text())
    consistency["hashes"][0] = consistency["hashes"][-1]
    (published / "bad-consistency.json").write_text(json.dumps(consistency))
    assert run("consistency", published / "bad-consistency.json", "--old", published / "old.txt",
               "--new", published / "new.txt", "--key", key) == 1

    assert run("checkpoint", published / "old.txt", "--key", published / "ops.key") == 1
