import Foundation
import LedgerCore
import Testing

/// The tree hashes, proves and verifies as RFC 9162 says, on the RFC 6962 test leaves.
struct MerkleTreeTests {
  static let leaves: [[UInt8]] = [
    [], [0x00], [0x10], [0x20, 0x21], [0x30, 0x31], [0x40, 0x41, 0x42, 0x43],
    [0x50, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56, 0x57], Array(0x60...0x6f),
  ]
  /// The roots of the trees over the first 1…8 test leaves (certificate-transparency's vectors).
  static let roots = [
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
  ]

  static func nodes(_ count: Int) -> InMemoryMerkleNodes {
    InMemoryMerkleNodes(leaves: (0..<count).map { MerkleTree.leafHash(Array("leaf \($0)".utf8)) })
  }

  @Test(arguments: 1...8)
  func rootsMatchTheReferenceVectors(size: Int) throws {
    let nodes = InMemoryMerkleNodes(leaves: Self.leaves.prefix(size).map(MerkleTree.leafHash))
    #expect(HashChain.hex(try MerkleTree.root(size: Int64(size), nodes: nodes)) == Self.roots[size - 1])
  }

  @Test func theEmptyTreeIsTheHashOfNothing() throws {
    #expect(
      HashChain.hex(try MerkleTree.root(size: 0, nodes: Self.nodes(0)))
        == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
  }

  @Test func everyInclusionProofVerifiesAndAnAlteredOneDoesNot() throws {
    let nodes = Self.nodes(70)
    for size in Int64(1)...70 {
      let root = try MerkleTree.root(size: size, nodes: nodes)
      for index in 0..<size {
        let proof = try MerkleTree.inclusionProof(index: index, size: size, nodes: nodes)
        let leaf = nodes.leaves[Int(index)]
        #expect(MerkleTree.verifyInclusion(leaf: leaf, index: index, size: size, proof: proof, root: root))
        if let first = proof.first {
          let altered = [MerkleTree.nodeHash(first, first)] + proof.dropFirst()
          #expect(!MerkleTree.verifyInclusion(leaf: leaf, index: index, size: size, proof: altered, root: root))
        }
        #expect(
          !MerkleTree.verifyInclusion(leaf: leaf, index: (index + 1) % size, size: size, proof: proof, root: root)
            || size == 1)
      }
    }
  }

  @Test func everyConsistencyProofVerifiesAndAForkDoesNot() throws {
    let nodes = Self.nodes(40)
    var forked = nodes
    forked.leaves[5] = MerkleTree.leafHash(Array("forged".utf8))
    for newSize in Int64(1)...40 {
      let newRoot = try MerkleTree.root(size: newSize, nodes: nodes)
      for oldSize in 1...newSize {
        let oldRoot = try MerkleTree.root(size: oldSize, nodes: nodes)
        let proof = try MerkleTree.consistencyProof(oldSize: oldSize, newSize: newSize, nodes: nodes)
        #expect(
          MerkleTree.verifyConsistency(
            oldSize: oldSize, newSize: newSize, proof: proof, oldRoot: oldRoot, newRoot: newRoot))
        if oldSize > 5 {
          let forkedRoot = try MerkleTree.root(size: oldSize, nodes: forked)
          #expect(
            !MerkleTree.verifyConsistency(
              oldSize: oldSize, newSize: newSize, proof: proof, oldRoot: forkedRoot, newRoot: newRoot))
        }
      }
    }
  }

  @Test func aSignedCheckpointReadsBackAndItsSignatureChecks() throws {
    let key = try NoteSigningKey(generatingWithName: "ledger.example")
    let root = MerkleTree.leafHash([1, 2, 3])
    let checkpoint = try Checkpoint.signed(size: 42, rootHash: root, key: key)
    #expect(checkpoint.note.hasPrefix("ledger.example\n42\n"))
    let read = try Checkpoint(parsing: checkpoint.note, key: try NoteVerifierKey(parsing: key.verifier.text))
    #expect(read.size == 42 && read.rootHash == root)
    let other = try NoteSigningKey(generatingWithName: "ledger.example")
    #expect(throws: CheckpointError.self) { try Checkpoint(parsing: checkpoint.note, key: other.verifier) }
    let altered = checkpoint.note.replacingOccurrences(of: "\n42\n", with: "\n43\n")
    #expect(throws: CheckpointError.self) { try Checkpoint(parsing: altered, key: key.verifier) }
    #expect(try NoteSigningKey(parsing: key.text).verifier == key.verifier)
  }
}
