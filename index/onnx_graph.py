"""Export a packaged BERT sentence encoder (all-MiniLM-L6-v2) to ONNX, from its safetensors weights alone.

No torch, no transformers: the graph is written node by node with ``onnx.helper`` and the
weights are read from ``model.safetensors`` with numpy. It computes what
sentence-transformers computes for this model: BERT (post-LayerNorm, exact erf GELU, token
type 0), mean pooling over the attention mask, L2 normalisation. ONNX Runtime fuses the
erf GELU, the attention and the LayerNorms on load. Equivalence with sentence-transformers
(cosine >= 0.9999) is a test (``tests/test_encoder.py``).

Inputs: ``input_ids`` and ``attention_mask`` (int64, batch x tokens). Output: ``embeddings``
(float32, batch x hidden), unit length.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

OPSET = 17  # LayerNormalization
GRAPH_VERSION = "bert-mean-l2-v1"  # bump when the graph changes: exported files are keyed by it
_DTYPES = {"F32": np.float32, "F16": np.float16, "I64": np.int64}


def read_safetensors(path: Path) -> dict[str, np.ndarray]:
    """Every tensor of a safetensors file as a read-only numpy view of a memory map."""
    raw = np.memmap(path, dtype=np.uint8, mode="r")
    size = int(np.frombuffer(raw[:8].tobytes(), "<u8")[0])
    header = json.loads(raw[8 : 8 + size].tobytes())
    base = 8 + size
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        start, end = info["data_offsets"]
        out[name] = raw[base + start : base + end].view(_DTYPES[info["dtype"]]).reshape(info["shape"])
    return out


def fingerprint(model_dir: Path) -> str:
    """Short hash of the weights' header and size plus the model config and the graph version."""
    weights = model_dir / "model.safetensors"
    with open(weights, "rb") as f:
        head = f.read(8)
        head += f.read(int.from_bytes(head, "little"))
    h = hashlib.sha256(head)
    h.update(str(weights.stat().st_size).encode())
    h.update((model_dir / "config.json").read_bytes())
    h.update(GRAPH_VERSION.encode())
    return h.hexdigest()[:16]


class _Graph:
    """Accumulates nodes and initializers; names are generated."""

    def __init__(self) -> None:
        from onnx import helper, numpy_helper

        self.helper, self.numpy_helper = helper, numpy_helper
        self.nodes: list[Any] = []
        self.inits: list[Any] = []
        self._n = 0

    def const(self, array: np.ndarray, name: str | None = None) -> str:
        self._n += 1
        name = name or f"c{self._n}"
        self.inits.append(self.numpy_helper.from_array(np.ascontiguousarray(array), name))
        return name

    def op(self, kind: str, *inputs: str, **attrs: Any) -> str:
        self._n += 1
        out = f"{kind.lower()}{self._n}"
        self.nodes.append(self.helper.make_node(kind, list(inputs), [out], **attrs))
        return out


def build_model(model_dir: Path, max_tokens: int):
    """The ONNX ``ModelProto`` of the encoder in ``model_dir`` (a sentence-transformers BERT folder)."""
    from onnx import TensorProto, helper

    config = json.loads((model_dir / "config.json").read_text(encoding="utf-8"))
    hidden, heads = int(config["hidden_size"]), int(config["num_attention_heads"])
    eps = float(config.get("layer_norm_eps", 1e-12))
    head_dim = hidden // heads
    w = read_safetensors(model_dir / "model.safetensors")
    w = {k.removeprefix("bert."): v for k, v in w.items()}
    g = _Graph()
    f32 = np.float32

    def linear(x: str, prefix: str) -> str:
        return g.op("Add", g.op("MatMul", x, g.const(w[prefix + ".weight"].T.astype(f32))),
                    g.const(w[prefix + ".bias"].astype(f32)))

    def layer_norm(x: str, prefix: str) -> str:
        return g.op("LayerNormalization", x, g.const(w[prefix + ".weight"].astype(f32)),
                    g.const(w[prefix + ".bias"].astype(f32)), axis=-1, epsilon=eps)

    ids, mask = "input_ids", "attention_mask"
    tokens = g.op("Shape", ids, start=1, end=2)  # [tokens], 1-D
    positions = g.op("Slice", g.const(w["embeddings.position_embeddings.weight"][:max_tokens].astype(f32)),
                     g.const(np.array([0], np.int64)), tokens, g.const(np.array([0], np.int64)))
    x = g.op("Add", g.op("Gather", g.const(w["embeddings.word_embeddings.weight"].astype(f32)), ids), positions)
    x = g.op("Add", x, g.const(w["embeddings.token_type_embeddings.weight"][0].astype(f32)))
    x = layer_norm(x, "embeddings.LayerNorm")

    mask_f = g.op("Cast", mask, to=TensorProto.FLOAT)
    # 0 where attended, a large negative number where padded: [batch, 1, 1, tokens]
    bias = g.op("Mul", g.op("Sub", g.const(np.array(1.0, f32)), mask_f), g.const(np.array(-1e9, f32)))
    bias = g.op("Unsqueeze", bias, g.const(np.array([1, 2], np.int64)))
    split_heads = g.const(np.array([0, 0, heads, head_dim], np.int64))
    merge_heads = g.const(np.array([0, 0, hidden], np.int64))
    scale = g.const(np.array(1.0 / np.sqrt(head_dim), f32))
    for i in range(int(config["num_hidden_layers"])):
        p = f"encoder.layer.{i}."
        q, k, v = (g.op("Reshape", linear(x, f"{p}attention.self.{n}"), split_heads) for n in ("query", "key", "value"))
        q = g.op("Transpose", q, perm=[0, 2, 1, 3])
        k = g.op("Transpose", k, perm=[0, 2, 3, 1])
        v = g.op("Transpose", v, perm=[0, 2, 1, 3])
        scores = g.op("Add", g.op("Mul", g.op("MatMul", q, k), scale), bias)
        context = g.op("MatMul", g.op("Softmax", scores, axis=-1), v)
        context = g.op("Reshape", g.op("Transpose", context, perm=[0, 2, 1, 3]), merge_heads)
        x = layer_norm(g.op("Add", linear(context, p + "attention.output.dense"), x), p + "attention.output.LayerNorm")
        h = linear(x, p + "intermediate.dense")
        erf = g.op("Erf", g.op("Div", h, g.const(np.array(np.sqrt(2.0), f32))))
        h = g.op("Mul", g.op("Mul", h, g.const(np.array(0.5, f32))), g.op("Add", g.const(np.array(1.0, f32)), erf))
        x = layer_norm(g.op("Add", linear(h, p + "output.dense"), x), p + "output.LayerNorm")

    # mean pooling over real tokens, then unit length (sentence-transformers Pooling + Normalize)
    m = g.op("Unsqueeze", mask_f, g.const(np.array([-1], np.int64)))
    axis1 = g.const(np.array([1], np.int64))
    summed = g.op("ReduceSum", g.op("Mul", x, m), axis1, keepdims=0)
    count = g.op("Max", g.op("ReduceSum", m, axis1, keepdims=0), g.const(np.array(1e-9, f32)))
    pooled = g.op("Div", summed, count)
    norm = g.op("Max", g.op("ReduceL2", pooled, axes=[-1], keepdims=1),
                g.const(np.array(1e-12, f32)))
    g.nodes.append(helper.make_node("Div", [pooled, norm], ["embeddings"]))

    graph = helper.make_graph(
        g.nodes, "sentence_encoder",
        [helper.make_tensor_value_info(ids, TensorProto.INT64, ["batch", "tokens"]),
         helper.make_tensor_value_info(mask, TensorProto.INT64, ["batch", "tokens"])],
        [helper.make_tensor_value_info("embeddings", TensorProto.FLOAT, ["batch", hidden])],
        initializer=g.inits,
    )
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)], producer_name="news-assistant")


def export(model_dir: Path, out_path: Path, max_tokens: int) -> Path:
    """Write the ONNX file once (atomically: concurrent exports never see a half-written file)."""
    if out_path.exists():
        return out_path
    out_path.parent.mkdir(parents=True, exist_ok=True)
    data = build_model(model_dir, max_tokens).SerializeToString()
    fd, tmp = tempfile.mkstemp(dir=out_path.parent, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, out_path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return out_path


__all__ = ["GRAPH_VERSION", "build_model", "export", "fingerprint", "read_safetensors"]
