#!/usr/bin/python3
"""make_keras_files.py: the TF.js fixtures of make_weight_fixtures.js written in Keras' own formats.

For each ../KerasGen.Tests/Fixtures/weights/<model>/ (model.json + shards from TF.js), writes beside them, following
KERAS_SPEC section 7.8 exactly (there is no Python Keras on this machine, so the layouts are written with h5py):
  model.weights.h5        Keras 3 save_weights: layers/<snake_case class, numbered per class>/vars/<i>, every layer
                          a vars group carrying its name (Keras >= 3.6), the model's own /vars group;
  model.keras             Keras 3 archive: config.json (Sequential, an InputLayer first), metadata.json, model.weights.h5;
  legacy_tf2.h5           tf.keras 2.15 save_weights('x.h5'): layer_names (fixed-length byte strings), backend,
                          keras_version, one group per layer created in sorted-name order, weight_names such as
                          b"hidden/kernel:0", datasets nested where the names have '/', top_level_model_weights;
  legacy_tf2_model.h5     tf.keras 2.15 model.save('x.h5'): the same under /model_weights, model_config at the root;
  keras1.h5               Keras 1 save_weights: no keras_version, names dense_1_W / convolution1d_1_W, Conv1D's
                          4-D W (k, 1, in, filters), a channels_first ('th') Conv2D's W (filters, in, rows, cols);
  keras11.h5 (conv1d)     Keras 1.1's Conv1D W (filters, in, k, 1);
  legacy_split.h5 (mlp)   legacy_tf2.h5 with layer_names split into layer_names0, layer_names1, as Keras splits long ones;
  legacy_theano.h5 (conv2d)  Keras 2.2.4 with the Theano backend: conv kernels flipped on their spatial axes.
The predictions stay TF.js's (predictions.json): every file holds the same weights.

Run from this folder after make_weight_fixtures.js:   /usr/bin/python3 make_keras_files.py
Check a file KerasGen wrote:   /usr/bin/python3 make_keras_files.py --check FILE.weights.h5 MODEL
"""
import json, os, re, sys, zipfile, io
import numpy as np
import h5py

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'KerasGen.Tests', 'Fixtures', 'weights')


def snake(name):
    # keras.src.utils.naming.to_snake_case
    name = re.sub(r'\W+', '', name)
    name = re.sub('(.)([A-Z][a-z]+)', r'\1_\2', name)
    name = re.sub('([a-z])([A-Z])', r'\1_\2', name).lower()
    return name


def load_tfjs(folder):
    with open(os.path.join(folder, 'model.json')) as f:
        model = json.load(f)
    layers = model['modelTopology']['config']['layers']
    values = {}
    for group in model['weightsManifest']:
        data = b''.join(open(os.path.join(folder, p), 'rb').read() for p in group['paths'])
        offset = 0
        for spec in group['weights']:
            n = int(np.prod(spec['shape'], dtype=np.int64))
            values[spec['name']] = np.frombuffer(data, '<f4', n, offset).reshape(spec['shape'])
            offset += 4 * n
    result = []
    for layer in layers:
        name = layer['config']['name']
        weights = [values[f'{name}/{w}'] for w in ('kernel', 'bias') if f'{name}/{w}' in values]
        result.append((layer, weights))
    return result


def object_names(layers):
    counters, names = {}, []
    for layer, _ in layers:
        base = snake(layer['class_name'])
        seen = counters.get(base, 0)
        counters[base] = seen + 1
        names.append(base if seen == 0 else f'{base}_{seen}')
    return names


def write_keras3(target, layers):
    with h5py.File(target, 'w') as f:
        f.create_group('vars').attrs['name'] = 'sequential'
        group = f.create_group('layers')
        for (layer, weights), obj in zip(layers, object_names(layers)):
            v = group.create_group(obj).create_group('vars')
            v.attrs['name'] = layer['config']['name']
            for i, w in enumerate(weights):
                v.create_dataset(str(i), data=w.astype('<f4'))


def keras3_config(layers):
    first = layers[0][0]['config']
    entries = [{'module': 'keras.layers', 'class_name': 'InputLayer', 'registered_name': None,
                'config': {'batch_shape': first['batch_input_shape'], 'dtype': 'float32', 'sparse': False, 'name': 'input_layer'}}]
    for layer, _ in layers:
        config = {k: v for k, v in layer['config'].items() if k != 'batch_input_shape'}
        config['dtype'] = 'float32'
        entries.append({'module': 'keras.layers', 'class_name': layer['class_name'], 'config': config, 'registered_name': None})
    return {'module': 'keras', 'class_name': 'Sequential', 'registered_name': None,
            'config': {'name': 'sequential', 'trainable': True, 'dtype': 'float32', 'layers': entries}}


def write_archive(target, layers):
    weights = io.BytesIO()
    write_keras3(weights, layers)
    def entry(name):  # a fixed timestamp, so the archive is the same bytes every run
        return zipfile.ZipInfo(name, date_time=(2026, 12, 1, 0, 0, 0))
    with zipfile.ZipFile(target, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr(entry('metadata.json'), json.dumps({'keras_version': '3.15.1', 'date_saved': '2026-12-01@00:00:00'}), zipfile.ZIP_DEFLATED)
        z.writestr(entry('config.json'), json.dumps(keras3_config(layers)), zipfile.ZIP_DEFLATED)
        z.writestr(entry('model.weights.h5'), weights.getvalue(), zipfile.ZIP_DEFLATED)


def write_tf2(group, layers, version=b'2.15.0', backend=b'tensorflow', flip=False):
    names = [layer['config']['name'] for layer, _ in layers]
    group.attrs['layer_names'] = np.array([n.encode() for n in names])
    group.attrs['backend'] = backend
    group.attrs['keras_version'] = version
    by_name = {layer['config']['name']: (layer, weights) for layer, weights in layers}
    for name in sorted(names):  # tf.keras creates the groups in sorted order; readers follow layer_names
        layer, weights = by_name[name]
        g = group.create_group(name)
        kinds = ['kernel', 'bias'][:len(weights)]
        weight_names = [f'{name}/{k}:0' for k in kinds]
        g.attrs['weight_names'] = np.array([w.encode() for w in weight_names]) if weights else np.zeros((0,), 'f8')
        for w, wn in zip(weights, weight_names):
            if flip and layer['class_name'].startswith('Conv') and wn.endswith('kernel:0'):
                w = w[tuple(slice(None, None, -1) for _ in range(w.ndim - 2))]
            g.create_dataset(wn, data=w.astype('<f4'))
    top = group.create_group('top_level_model_weights')
    top.attrs['weight_names'] = np.zeros((0,), 'f8')


KERAS1_NAMES = {'Dense': 'dense', 'Conv1D': 'convolution1d', 'Conv2D': 'convolution2d', 'MaxPooling1D': 'maxpooling1d',
                'MaxPooling2D': 'maxpooling2d', 'AveragePooling1D': 'averagepooling1d', 'AveragePooling2D': 'averagepooling2d',
                'Flatten': 'flatten', 'Dropout': 'dropout', 'ZeroPadding2D': 'zeropadding2d', 'UpSampling2D': 'upsampling2d',
                'Cropping2D': 'cropping2d', 'GlobalMaxPooling2D': 'globalmaxpooling2d',
                'GlobalAveragePooling1D': 'globalaveragepooling1d', 'Reshape': 'reshape', 'Activation': 'activation'}


def write_keras1(target, layers, keras11=False):
    with h5py.File(target, 'w') as f:
        counters, names = {}, []
        for layer, weights in layers:
            base = KERAS1_NAMES[layer['class_name']]
            counters[base] = counters.get(base, 0) + 1
            name = f'{base}_{counters[base]}'
            names.append(name)
            g = f.create_group(name)
            stored = []
            for i, w in enumerate(weights):
                if i == 0 and layer['class_name'] == 'Conv1D':
                    w = w.transpose(2, 1, 0)[..., None] if keras11 else w[:, None, :, :]
                if i == 0 and layer['class_name'] == 'Conv2D' and layer['config'].get('data_format') == 'channels_first':
                    w = w.transpose(3, 2, 0, 1)
                stored.append((f'{name}_{"Wb"[i]}', w))
            g.attrs['weight_names'] = np.array([n.encode() for n, _ in stored]) if stored else np.zeros((0,), 'f8')
            for n, w in stored:
                g.create_dataset(n, data=np.ascontiguousarray(w).astype('<f4'))
        f.attrs['layer_names'] = np.array([n.encode() for n in names])


def write_hostile(folder):
    """Files built to hurt a reader: a dataset declaring ~16 TB (chunked, nothing written, so the file is tiny), a
    group that links to itself, and a weight name nested 200 groups deep."""
    os.makedirs(folder, exist_ok=True)
    with h5py.File(os.path.join(folder, 'huge.weights.h5'), 'w') as f:
        v = f.create_group('layers/conv1d/vars')
        v.create_dataset('0', shape=(2 ** 20, 2 ** 20, 4), dtype='<f4', chunks=(1, 1, 4))
        v.create_dataset('1', data=np.zeros(4, '<f4'))
    with h5py.File(os.path.join(folder, 'cycle.h5'), 'w') as f:
        f.attrs['layer_names'] = np.array([b'conv'])
        f.attrs['keras_version'] = b'2.15.0'
        g = f.create_group('conv')
        g['loop'] = g  # a hard link back to the group itself
        g.attrs['weight_names'] = np.array([b'loop/loop/loop/loop/kernel:0', b'loop/bias:0'])
    with h5py.File(os.path.join(folder, 'deep.h5'), 'w') as f:
        f.attrs['layer_names'] = np.array([b'conv'])
        f.attrs['keras_version'] = b'2.15.0'
        g = f.create_group('conv')
        path = '/'.join(['d'] * 200)
        g.attrs['weight_names'] = np.array([(path + '/kernel:0').encode(), b'bias:0'])
        inner = g
        for _ in range(200):
            inner = inner.create_group('d')
        inner.create_dataset('kernel:0', data=np.zeros((3, 2, 4), '<f4'))


def check(path, model):
    """KerasGen's .weights.h5 against the TF.js weights it was loaded from: every layer, every dataset, exact."""
    layers = load_tfjs(os.path.join(ROOT, model))
    with h5py.File(path, 'r') as f:
        for (layer, weights), obj in zip(layers, object_names(layers)):
            v = f[f'layers/{obj}/vars']
            assert sorted(v.keys()) == [str(i) for i in range(len(weights))], (obj, list(v.keys()))
            for i, w in enumerate(weights):
                assert v[str(i)].dtype == np.dtype('<f4') and v[str(i)].shape == w.shape, (obj, i, v[str(i)].shape)
                assert np.array_equal(v[str(i)][()], w), (obj, i)
    print(f'{path}: matches {model} layer by layer')


def main():
    if len(sys.argv) == 4 and sys.argv[1] == '--check':
        return check(sys.argv[2], sys.argv[3])
    for model in sorted(os.listdir(ROOT)):
        folder = os.path.join(ROOT, model)
        layers = load_tfjs(folder)
        write_keras3(os.path.join(folder, 'model.weights.h5'), layers)
        write_archive(os.path.join(folder, 'model.keras'), layers)
        with h5py.File(os.path.join(folder, 'legacy_tf2.h5'), 'w') as f:
            write_tf2(f, layers)
        with h5py.File(os.path.join(folder, 'legacy_tf2_model.h5'), 'w') as f:
            f.attrs['keras_version'] = b'2.15.0'
            f.attrs['backend'] = b'tensorflow'
            f.attrs['model_config'] = json.dumps({'class_name': 'Sequential', 'config': {'layers': [l for l, _ in layers]}}).encode()
            write_tf2(f.create_group('model_weights'), layers)
        write_keras1(os.path.join(folder, 'keras1.h5'), layers)
        if model == 'mlp':
            # Keras splits an attribute over 64,512 bytes into name0, name1…; written split here however short.
            with h5py.File(os.path.join(folder, 'legacy_split.h5'), 'w') as f:
                write_tf2(f, layers)
                names = f.attrs['layer_names']
                del f.attrs['layer_names']
                f.attrs['layer_names0'], f.attrs['layer_names1'] = names[:2], names[2:]
        if model == 'conv1d':
            write_keras1(os.path.join(folder, 'keras11.h5'), layers, keras11=True)
        if model == 'conv2d':
            with h5py.File(os.path.join(folder, 'legacy_theano.h5'), 'w') as f:
                write_tf2(f, layers, version=b'2.2.4', backend=b'theano', flip=True)
        print(f'{model}: {len(layers)} layers written in 7 formats')
    write_hostile(os.path.join(ROOT, '..', 'hostile'))
    print('hostile: huge.weights.h5, cycle.h5, deep.h5')


main()
