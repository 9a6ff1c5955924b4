"""Generate a tiny llama-architecture GGUF with random weights for the real llama.cpp server.

The model speaks gibberish, but the server around it is the real thing: its HTTP framing, SSE,
tool-call grammar, JSON mode, embeddings and error bodies are what our client is tested against.
Needs the ``gguf`` and ``numpy`` packages (installed in the ``realserver`` session's venv only).

Usage: python tests/servers/tiny_model.py OUT.gguf
"""

from __future__ import annotations

import sys
from pathlib import Path

import gguf  # type: ignore[import-not-found]
import numpy as np

WORDS = (
    "the a an and or of to in on at is are was be it this that with for as by from hello world "
    "sky blue red green weather city paris london tokyo name age answer yes no true false null "
    "sun moon rain cloud cold warm story once upon time there little girl boy cat dog run jump "
    "json tool call result value number text code python model server test"
).split()
CHATML = (
    "{% for message in messages %}<|im_start|>{{ message['role'] }}\n"
    "{{ message['content'] if message['content'] else '' }}<|im_end|>\n{% endfor %}"
    "{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}"
)
EMBED, BLOCKS, FFN, HEADS, KV_HEADS, CONTEXT = 64, 2, 128, 4, 2, 4096


def _vocab() -> tuple[list[str], list[float], list[int]]:
    tokens = ["<unk>", "<s>", "</s>", "<|im_start|>", "<|im_end|>"]
    types = [2, 3, 3, 3, 3]
    tokens += [f"<0x{b:02X}>" for b in range(256)]
    types += [6] * 256
    pieces: list[str] = ["▁", "\n", ":", ",", ".", "{", "}", '"', "[", "]"]
    for word in WORDS:
        for end in range(1, len(word) + 1):
            pieces.append("▁" + word[:end])
            pieces.append(word[:end])
    for piece in dict.fromkeys(pieces):
        tokens.append(piece)
        types.append(1)
    scores = [0.0] * 261 + [-float(i) / 100 for i in range(len(tokens) - 261)]
    return tokens, scores, types


def write_tiny_model(path: Path, seed: int = 0) -> Path:
    """Write the model to ``path`` and return it."""
    rng = np.random.default_rng(seed)
    tokens, scores, types = _vocab()
    vocab = len(tokens)
    head_dim = EMBED // HEADS

    writer = gguf.GGUFWriter(str(path), "llama")
    writer.add_name("ai-sdk-python tiny random llama")
    writer.add_description("Random weights for protocol tests; output is gibberish.")
    writer.add_file_type(0)  # ALL_F32
    writer.add_vocab_size(vocab)
    writer.add_context_length(CONTEXT)
    writer.add_embedding_length(EMBED)
    writer.add_block_count(BLOCKS)
    writer.add_feed_forward_length(FFN)
    writer.add_head_count(HEADS)
    writer.add_head_count_kv(KV_HEADS)
    writer.add_rope_dimension_count(head_dim)
    writer.add_rope_freq_base(10000.0)
    writer.add_layer_norm_rms_eps(1e-5)
    writer.add_pooling_type(gguf.PoolingType.MEAN)
    writer.add_tokenizer_model("llama")
    writer.add_token_list(tokens)
    writer.add_token_scores(scores)
    writer.add_token_types(types)
    writer.add_bos_token_id(1)
    writer.add_eos_token_id(2)
    writer.add_unk_token_id(0)
    writer.add_pad_token_id(0)
    writer.add_add_bos_token(True)
    writer.add_add_eos_token(False)
    writer.add_chat_template(CHATML)

    def tensor(name: str, *shape: int, value: float | None = None) -> None:
        data = (
            np.full(shape, value, dtype=np.float32)
            if value is not None
            else rng.normal(0.0, 0.05, size=shape).astype(np.float32)
        )
        writer.add_tensor(name, data)

    tensor("token_embd.weight", vocab, EMBED)
    for block in range(BLOCKS):
        prefix = f"blk.{block}"
        tensor(f"{prefix}.attn_norm.weight", EMBED, value=1.0)
        tensor(f"{prefix}.attn_q.weight", HEADS * head_dim, EMBED)
        tensor(f"{prefix}.attn_k.weight", KV_HEADS * head_dim, EMBED)
        tensor(f"{prefix}.attn_v.weight", KV_HEADS * head_dim, EMBED)
        tensor(f"{prefix}.attn_output.weight", EMBED, HEADS * head_dim)
        tensor(f"{prefix}.ffn_norm.weight", EMBED, value=1.0)
        tensor(f"{prefix}.ffn_gate.weight", FFN, EMBED)
        tensor(f"{prefix}.ffn_up.weight", FFN, EMBED)
        tensor(f"{prefix}.ffn_down.weight", EMBED, FFN)
    tensor("output_norm.weight", EMBED, value=1.0)
    tensor("output.weight", vocab, EMBED)

    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    return path


if __name__ == "__main__":
    print(write_tiny_model(Path(sys.argv[1])))
