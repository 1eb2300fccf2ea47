#!/usr/bin/env python3
"""An independent verifier for the membership ledger's checkpoints and proofs.

It shares no code with the ledger: hashing is RFC 9162 (leaf = SHA-256(0x00 || leaf),
node = SHA-256(0x01 || left || right)) with Python's hashlib, signatures are C2SP signed
notes checked with the `cryptography` package's Ed25519. An auditor runs it on the files
`ledger keygen`, `ledger checkpoint` and `ledger prove` print:

    ledger_verifier.py checkpoint CHECKPOINT --key KEY.pub
    ledger_verifier.py inclusion PROOF.json --checkpoint CHECKPOINT --key KEY.pub
    ledger_verifier.py consistency PROOF.json --old OLD --new NEW --key KEY.pub

Each prints one line saying what it proved and exits 0, or names what failed and exits 1.
"""

import argparse
import base64
import hashlib
import json
import sys

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey


class VerificationError(Exception):
    """Something in a checkpoint, key or proof does not hold."""


def leaf_hash(data: bytes) -> bytes:
    return hashlib.sha256(b"\x00" + data).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    return hashlib.sha256(b"\x01" + left + right).digest()


def verify_inclusion(leaf: bytes, index: int, size: int, proof: list, root: bytes) -> bool:
    """RFC 9162, section 2.1.3.2."""
    if index < 0 or index >= size:
        return False
    fn, sn, r = index, size - 1, leaf
    for p in proof:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            if not fn & 1:
                while not fn & 1 and fn != 0:
                    fn >>= 1
                    sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1
        sn >>= 1
    return sn == 0 and r == root


def verify_consistency(old_size: int, new_size: int, proof: list, old_root: bytes, new_root: bytes) -> bool:
    """RFC 9162, section 2.1.4.2."""
    if old_size <= 0 or old_size > new_size:
        return False
    if old_size == new_size:
        return not proof and old_root == new_root
    path = list(proof)
    if old_size & (old_size - 1) == 0:
        path.insert(0, old_root)
    if not path:
        return False
    fn, sn = old_size - 1, new_size - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr = node_hash(c, fr)
            sr = node_hash(c, sr)
            if not fn & 1:
                while not fn & 1 and fn != 0:
                    fn >>= 1
                    sn >>= 1
        else:
            sr = node_hash(sr, c)
        fn >>= 1
        sn >>= 1
    return fr == old_root and sr == new_root and sn == 0


def read_verifier_key(text: str):
    """A signed-note verifier key: NAME+HASH+base64(0x01 || public key)."""
    parts = text.strip().split("+", 2)
    if len(parts) != 3:
        raise VerificationError("not a verifier key (name+hash+key)")
    name, key_hash, encoded = parts
    blob = base64.b64decode(encoded, validate=True)
    if len(blob) != 33 or blob[0] != 0x01:
        raise VerificationError("not an Ed25519 verifier key")
    expected = hashlib.sha256(name.encode() + b"\n" + blob).digest()[:4]
    if expected.hex() != key_hash:
        raise VerificationError("the key hash does not match the key")
    return name, expected, Ed25519PublicKey.from_public_bytes(blob[1:])


def read_checkpoint(note: str, key_text: str) -> dict:
    """A C2SP tlog-checkpoint whose signed-note signature by the key must verify."""
    name, key_hash, public_key = read_verifier_key(key_text)
    body, separator, signatures = note.partition("\n\n")
    if not separator:
        raise VerificationError("not a signed note: no blank line before the signatures")
    body += "\n"
    lines = body.split("\n")[:-1]
    if len(lines) < 3:
        raise VerificationError("a checkpoint needs an origin, a size and a root hash")
    origin, size_text, root_text = lines[0], lines[1], lines[2]
    if not size_text.isdigit() or str(int(size_text)) != size_text:
        raise VerificationError(f"tree size {size_text!r} is not a decimal number")
    root = base64.b64decode(root_text, validate=True)
    if len(root) != 32:
        raise VerificationError("the root hash is not 32 bytes")
    for line in signatures.splitlines():
        parts = line.split(" ")
        if len(parts) != 3 or parts[0] != "\u2014" or parts[1] != name:
            continue
        blob = base64.b64decode(parts[2], validate=True)
        if len(blob) != 68 or blob[:4] != key_hash:
            continue
        try:
            public_key.verify(blob[4:], body.encode())
        except InvalidSignature:
            continue
        return {"origin": origin, "size": int(size_text), "root": root}
    raise VerificationError(f"no valid signature by {name}")


def b64(value: str) -> bytes:
    return base64.b64decode(value, validate=True)


def check_inclusion(proof: dict, checkpoint: dict) -> str:
    if proof.get("kind") != "inclusion":
        raise VerificationError("not an inclusion proof")
    leaf = b64(proof["leaf"])
    size, index = proof["treeSize"], proof["leafIndex"]
    if size != checkpoint["size"]:
        raise VerificationError(f"the proof is for a tree of {size} events, the checkpoint for {checkpoint['size']}")
    if leaf_hash(leaf) != b64(proof["leafHash"]):
        raise VerificationError("the leaf hash is not the hash of the leaf")
    if not verify_inclusion(leaf_hash(leaf), index, size, [b64(h) for h in proof["hashes"]], checkpoint["root"]):
        raise VerificationError("the audit path does not lead to the checkpoint's root")
    record = json.loads(leaf)
    return f"ok: event {record['id']} at position {record['position']} is in the checkpoint's tree of {size} events"


def check_consistency(proof: dict, old: dict, new: dict) -> str:
    if proof.get("kind") != "consistency":
        raise VerificationError("not a consistency proof")
    if proof["oldSize"] != old["size"] or proof["newSize"] != new["size"]:
        raise VerificationError("the proof's sizes are not the checkpoints' sizes")
    hashes = [b64(h) for h in proof["hashes"]]
    if not verify_consistency(old["size"], new["size"], hashes, old["root"], new["root"]):
        raise VerificationError("the newer tree does not extend the older one")
    return f"ok: the tree of {new['size']} events extends the tree of {old['size']}"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    checkpoint = commands.add_parser("checkpoint")
    checkpoint.add_argument("note")
    checkpoint.add_argument("--key", required=True)
    inclusion = commands.add_parser("inclusion")
    inclusion.add_argument("proof")
    inclusion.add_argument("--checkpoint", required=True)
    inclusion.add_argument("--key", required=True)
    consistency = commands.add_parser("consistency")
    consistency.add_argument("proof")
    consistency.add_argument("--old", required=True)
    consistency.add_argument("--new", required=True)
    consistency.add_argument("--key", required=True)
    args = parser.parse_args(argv)

    def read(path: str) -> str:
        with open(path, encoding="utf-8") as file:
            return file.read()

    try:
        key = read(args.key)
        if args.command == "checkpoint":
            read_ok = read_checkpoint(read(args.note), key)
            print(f"ok: {read_ok['origin']} signed a tree of {read_ok['size']} events")
        elif args.command == "inclusion":
            print(check_inclusion(json.loads(read(args.proof)), read_checkpoint(read(args.checkpoint), key)))
        else:
            old, new = read_checkpoint(read(args.old), key), read_checkpoint(read(args.new), key)
            print(check_consistency(json.loads(read(args.proof)), old, new))
    except (VerificationError, ValueError, KeyError) as error:
        print(f"failed: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
