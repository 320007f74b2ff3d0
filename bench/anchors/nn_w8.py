"""W8 anchor: the reference CNN trained in PyTorch on the CPU, `batches` steps of batch 64
(same network, Adam 1e-3, softmax cross-entropy, seeded random images in [0, 1], threads)."""
import sys

from _harness import main


def torch_train(params, seed, threads):
    import torch
    import torch.nn as nn

    torch.set_num_threads(threads)
    torch.manual_seed(seed)
    batches = int(params["batches"])
    batch = int(params.get("batch", 64))
    x = torch.randint(0, 256, (batches * batch, 1, 28, 28), dtype=torch.uint8)
    y = torch.randint(0, 10, (batches * batch,))
    model = nn.Sequential(
        nn.Conv2d(1, 32, 5), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 5), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(1024, 128), nn.ReLU(), nn.Linear(128, 10),
    )
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()

    def epoch():
        perm = torch.randperm(batches * batch)
        for b in range(batches):
            idx = perm[b * batch:(b + 1) * batch]
            xb = x[idx].float() / 255.0
            opt.zero_grad()
            loss = loss_fn(model(xb), y[idx])
            loss.backward()
            opt.step()
        return float(loss)

    return epoch, f"torch {torch.__version__} ({threads} threads)"


ANCHORS = {"torch": torch_train}

if __name__ == "__main__":
    sys.exit(main(ANCHORS))
