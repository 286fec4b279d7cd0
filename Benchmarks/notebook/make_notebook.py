"""Writes course.ipynb: the course's computations as a Jupyter notebook in NumPy,
the way the original lecture was written, for timing `jupyter nbconvert --execute`
against `lecture verify` on the same work."""
import nbformat

cells = [
"""import numpy as np
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
from sklearn import datasets""",
"""z = np.linspace(-5, 5, 200)
step_fn = lambda z: 1 if z > 0 else 0
plt.figure(); plt.plot(z, [step_fn(zi) for zi in z]); plt.title("Perceptron activation")""",
"""z = np.linspace(-5, 5)
sigma = 1 / (1 + np.exp(-z))
plt.figure(); plt.plot(z, sigma); plt.title("Sigmoid")""",
"""plt.figure(figsize=(12, 4))
plt.subplot(121); plt.plot(z, np.tanh(z))
plt.subplot(122); plt.plot(z, np.maximum(z, 0))""",
"""iris = datasets.load_iris(as_frame=True)
iris_X, iris_y = iris.data, iris.target
iris_y2 = iris_y.copy()
iris_y2[iris_y2 == 2] = 1
X = iris_X.to_numpy()[:, :2]
Y = iris_y2
plt.figure()
p1 = plt.scatter(X[:, 0], X[:, 1], c=iris_y2, edgecolor='k', s=60, cmap=plt.cm.Paired)
plt.xlabel('Sepal length'); plt.ylabel('Sepal width')
plt.legend(handles=p1.legend_elements()[0], labels=['Setosa', 'Non-Setosa'], loc='lower right')""",
"""def neuron(X, theta):
    return 1 / (1 + np.exp(-X.dot(theta)))

def gradient(theta, X, y):
    return np.mean((y - neuron(X, theta)) * X.T, axis=1)""",
"""threshold = 5e-5
step_size = 1e-1
iteration, theta, theta_prev = 0, np.ones((3,)), 0
iris_X['one'] = 1
X_train = iris_X.iloc[:, [0, 1, -1]].to_numpy()
y_train = iris_y2.to_numpy()
while np.linalg.norm(theta - theta_prev) > threshold:
    if iteration % 50000 == 0:
        print('Iteration %d.' % iteration)
    theta_prev = theta
    theta = theta_prev + step_size * gradient(theta_prev, X_train, y_train)
    iteration += 1
print(iteration, theta)
print('accuracy', np.mean((neuron(X_train, theta) >= 0.5) == y_train))""",
"""xx, yy = np.meshgrid(np.arange(3.3, 8.9, 0.02), np.arange(1.0, 5.4, 0.02))
Z = neuron(np.c_[xx.ravel(), yy.ravel(), np.ones(xx.ravel().shape)], theta)
Z = (Z >= 0.5).astype(float).reshape(xx.shape)
plt.figure()
plt.pcolormesh(xx, yy, Z, cmap=plt.cm.Paired)
plt.scatter(X[:, 0], X[:, 1], c=Y, edgecolors='k', cmap=plt.cm.Paired)""",
"""class LinearSigmoidLayer():
    def __init__(self, in_dim, out_dim):
        self.W = np.random.normal(size=(in_dim, out_dim))
        self.W_grad = np.zeros_like(self.W)
        self.afunc = lambda x: 1. / (1. + np.exp(-x))

    def forward(self, x):
        self.y = self.afunc(np.matmul(x, self.W))
        self.x = x
        return self.y

    def backward(self, grad_out):
        self.W_grad = np.matmul(self.x.transpose(), self.y * (1 - self.y) * grad_out)
        return np.matmul(self.y * (1 - self.y) * grad_out, self.W.transpose())

class Net():
    def __init__(self, x_dim, W_dim):
        self.l1 = LinearSigmoidLayer(x_dim, W_dim)
        self.l2 = LinearSigmoidLayer(W_dim, 1)

    def predict(self, x):
        self.y = self.l2.forward(self.l1.forward(x))
        return self.y

    def backward(self, label):
        if label == 1:
            J, dJ = -np.log(self.y), -1 / self.y
        else:
            J, dJ = -np.log(1 - self.y), 1 / (1 - self.y)
        self.l1.backward(self.l2.backward(dJ))
        return J

    def grad_step(self, lr=1e-4):
        self.l1.W -= lr * self.l1.W_grad
        self.l2.W -= lr * self.l2.W_grad""",
"""np.random.seed(0)
model = Net(2, 3)
model.l1.W = np.array([[1.0, -1.0, 3.0], [2.0, 2.0, -1.0]])
model.l2.W = np.array([[0.1], [0.5], [-0.1]])
x = np.array([5.0, 3.0])[np.newaxis, ...]
out = model.predict(x)
loss = model.backward(label=1)
print('loss:', loss)
print('W grad:', model.l1.W_grad)
print('V grad:', model.l2.W_grad)""",
"""loss, score = [], []
for i in range(100):
    out = model.predict(x)
    loss.append(model.backward(label=1))
    model.grad_step(lr=1e-1)
    score.append(out)
plt.figure()
plt.plot(np.array(loss).squeeze(), '-')
plt.plot(np.array(score).squeeze(), '.')""",
"""features = X_train[:, :2]
standardized = (features - features.mean(axis=0)) / features.std(axis=0)
labels = y_train.reshape(-1, 1).astype(float)
np.random.seed(1)
W1, W2 = np.random.normal(size=(2, 8)), np.random.normal(size=(8, 1))
s = lambda v: 1 / (1 + np.exp(-v))
for step in range(2000):
    h = s(standardized @ W1)
    out = s(h @ W2)
    d_out = (out - labels) / len(labels)
    g2 = h.T @ d_out
    g1 = standardized.T @ ((d_out @ W2.T) * h * (1 - h))
    W2 -= 0.5 * g2
    W1 -= 0.5 * g1
print('accuracy', np.mean((out >= 0.5) == labels))""",
]

notebook = nbformat.v4.new_notebook()
notebook.cells = [nbformat.v4.new_code_cell(source) for source in cells]
notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
nbformat.write(notebook, "course.ipynb")
